//! A round-robin TCP proxy in front of several server instances, as a load
//! balancer would stand: each new connection goes to the next instance that
//! accepts it (a dead one is passed over). Optionally each connection's
//! uplink is held to a phone's rate, so that bodies take a while to send and
//! an instance killed at any moment has PATCHes in the middle of arriving.
//! It counts those: connections whose last bytes went up (a request sent,
//! no answer yet).

use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A running proxy; stops accepting and closes every connection when dropped.
///
/// ```no_run
/// let backends = vec!["127.0.0.1:8081".parse().unwrap(), "127.0.0.1:8082".parse().unwrap()];
/// let proxy = load::proxy::RoundRobin::start(backends, Some(1_000_000)).unwrap();
/// println!("candidates connect to {}", proxy.addr);
/// ```
pub struct RoundRobin {
    /// Where it listens.
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    accepting: Option<JoinHandle<()>>,
}

struct Shared {
    backends: Vec<SocketAddr>,
    /// Bytes per second each connection may send up; `None`: no limit.
    uplink: Option<u64>,
    next: AtomicUsize,
    stopped: AtomicBool,
    connections: Mutex<Vec<Arc<Relayed>>>,
}

/// One relayed connection.
struct Relayed {
    backend: usize,
    client: TcpStream,
    server: TcpStream,
    /// Whether the last bytes went from the client to the server.
    awaiting_answer: AtomicBool,
    closed: AtomicBool,
}

impl RoundRobin {
    /// Listens on a free port of 127.0.0.1 and relays to `backends` in turn,
    /// each connection sending up at most `uplink` bytes a second if given.
    pub fn start(backends: Vec<SocketAddr>, uplink: Option<u64>) -> io::Result<RoundRobin> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            backends,
            uplink,
            next: AtomicUsize::new(0),
            stopped: AtomicBool::new(false),
            connections: Mutex::new(Vec::new()),
        });
        let accepting = {
            let shared = shared.clone();
            std::thread::spawn(move || accept(&listener, &shared))
        };
        Ok(RoundRobin {
            addr,
            shared,
            accepting: Some(accepting),
        })
    }

    /// Requests relayed to backend `index` that have no answer yet.
    pub fn awaiting_answers(&self, index: usize) -> usize {
        let connections = self
            .shared
            .connections
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        connections
            .iter()
            .filter(|c| c.backend == index && !c.closed.load(Ordering::Relaxed))
            .filter(|c| c.awaiting_answer.load(Ordering::Relaxed))
            .count()
    }
}

impl Drop for RoundRobin {
    fn drop(&mut self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        // Wakes the accepting thread, which then sees the flag.
        let _ = TcpStream::connect(self.addr);
        if let Some(accepting) = self.accepting.take() {
            let _ = accepting.join();
        }
        let connections = self
            .shared
            .connections
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        for connection in connections.iter() {
            let _ = connection.client.shutdown(Shutdown::Both);
            let _ = connection.server.shutdown(Shutdown::Both);
        }
    }
}

fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    for client in listener.incoming() {
        if shared.stopped.load(Ordering::SeqCst) {
            return;
        }
        let Ok(client) = client else { continue };
        let Some((backend, server)) = connect_next(shared) else {
            // No instance takes connections: the client sees its connection closed.
            continue;
        };
        let relayed = (client.try_clone(), server.try_clone());
        let (Ok(client_side), Ok(server_side)) = relayed else {
            continue;
        };
        let relayed = Arc::new(Relayed {
            backend,
            client,
            server,
            awaiting_answer: AtomicBool::new(false),
            closed: AtomicBool::new(false),
        });
        {
            let mut connections = shared.connections.lock().unwrap_or_else(|e| e.into_inner());
            connections.retain(|c| !c.closed.load(Ordering::Relaxed));
            connections.push(relayed.clone());
        }
        let uplink = shared.uplink;
        let up = {
            let relayed = relayed.clone();
            move || relay(client_side, &relayed.server, uplink, &relayed, true)
        };
        let _ = std::thread::Builder::new().stack_size(64 << 10).spawn(up);
        let down = move || relay(server_side, &relayed.client, None, &relayed, false);
        let _ = std::thread::Builder::new().stack_size(64 << 10).spawn(down);
    }
}

/// The next backend in turn that accepts a connection.
fn connect_next(shared: &Shared) -> Option<(usize, TcpStream)> {
    let count = shared.backends.len();
    (0..count).find_map(|_| {
        let index = shared.next.fetch_add(1, Ordering::Relaxed) % count;
        let stream = TcpStream::connect_timeout(&shared.backends[index], Duration::from_secs(2));
        stream.ok().map(|stream| (index, stream))
    })
}

/// Copies `from` to `to` (at most `rate` bytes a second) until either side
/// closes, then closes both.
fn relay(mut from: TcpStream, mut to: &TcpStream, rate: Option<u64>, relayed: &Relayed, up: bool) {
    let mut buffer = vec![0u8; 16 << 10];
    // Bytes sent since `began`; an idle link earns no credit for later.
    let (mut began, mut sent) = (Instant::now(), 0u64);
    loop {
        let read = match from.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => read,
        };
        relayed.awaiting_answer.store(up, Ordering::Relaxed);
        if to.write_all(&buffer[..read]).is_err() {
            break;
        }
        if let Some(rate) = rate {
            let taking = |bytes: u64| Duration::from_secs_f64(bytes as f64 / rate.max(1) as f64);
            let now = Instant::now();
            if began + taking(sent) < now {
                (began, sent) = (now, 0);
            }
            sent += read as u64;
            std::thread::sleep((began + taking(sent)).saturating_duration_since(now));
        }
    }
    relayed.closed.store(true, Ordering::Relaxed);
    let _ = relayed.client.shutdown(Shutdown::Both);
    let _ = relayed.server.shutdown(Shutdown::Both);
}
