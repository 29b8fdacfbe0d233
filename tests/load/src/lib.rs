//! Load generator for demo-server (or any tus server with a file store):
//! many candidates upload takes at once over tus, with connections dropped
//! half-way through PATCH bodies, or paced as a recording; afterwards every
//! stored byte is checked against what was sent.
//!
//! ```no_run
//! // cargo run --release -p load -- --candidates 200 --take-mb 5
//! ```

pub mod candidate;
pub mod http1;
pub mod ingest;
pub mod plain_tus;
pub mod proxy;
pub mod server;
pub mod take_data;
pub mod target;
