//! Load generator for demo-server: many candidates upload takes at once over
//! tus, with connections dropped half-way through PATCH bodies; afterwards
//! every stored byte is checked against what was sent.
//!
//! ```no_run
//! // cargo run --release -p load -- --candidates 200 --take-mb 5
//! ```

pub mod candidate;
pub mod http1;
pub mod ingest;
pub mod server;
pub mod take_data;
