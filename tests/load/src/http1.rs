//! A small blocking HTTP/1.1 client over one TCP connection, kept alive
//! between requests, that can also drop a request half-way through its body
//! (as a flaky network would).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// A response: status, headers (names lowercase) and body.
///
/// ```
/// let response = load::http1::Response { status: 204, headers: vec![("upload-offset".into(), "7".into())], body: vec![] };
/// assert_eq!(response.header("Upload-Offset"), Some("7"));
/// ```
#[derive(Debug)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Header names in lowercase, with their values.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// The value of header `name` (any case), if present.
    ///
    /// ```
    /// let response = load::http1::Response { status: 201, headers: vec![("location".into(), "/u/1".into())], body: vec![] };
    /// assert_eq!(response.header("location"), Some("/u/1"));
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The address and path of an `http://IP:PORT/path` URL (the path `/` if
/// it has none).
///
/// ```
/// let (addr, path) = load::http1::split_url("http://127.0.0.1:1080/files").unwrap();
/// assert_eq!((addr.port(), path.as_str()), (1080, "/files"));
/// assert!(load::http1::split_url("https://example.com/files").is_err());
/// ```
pub fn split_url(url: &str) -> Result<(SocketAddr, String), String> {
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("the URL must be http://IP:PORT/path, not {url:?}"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let addr = host
        .parse()
        .map_err(|_| format!("the URL needs an IP address and port, not {host:?}"))?;
    let path = if path.is_empty() { "/" } else { path };
    Ok((addr, path.to_string()))
}

/// One keep-alive connection to `addr`; reconnects when the server closed it.
///
/// ```no_run
/// let mut client = load::http1::Client::new("127.0.0.1:8080".parse().unwrap());
/// let response = client.send("OPTIONS", "/api/uploads", &[("Tus-Resumable", "1.0.0")], b"").unwrap();
/// assert_eq!(response.status, 204);
/// ```
pub struct Client {
    addr: SocketAddr,
    connection: Option<BufReader<TcpStream>>,
}

impl Client {
    /// A client for `addr`; it connects on the first request.
    pub fn new(addr: SocketAddr) -> Client {
        Client {
            addr,
            connection: None,
        }
    }

    /// Sends a request and reads its response.
    ///
    /// ```no_run
    /// let mut client = load::http1::Client::new("127.0.0.1:8080".parse().unwrap());
    /// let head = client.send("HEAD", "/api/uploads/abc", &[("Tus-Resumable", "1.0.0")], b"").unwrap();
    /// println!("{:?}", head.header("upload-offset"));
    /// ```
    pub fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Response> {
        // A kept-alive connection the server closed meanwhile fails on first use: try once more.
        let reused = self.connection.is_some();
        match self.try_send(method, path, headers, body) {
            Err(_) if reused => {
                self.connection = None;
                self.try_send(method, path, headers, body)
            }
            result => result,
        }
    }

    /// Sends the headers and the first `sent` bytes of `body`, then drops the
    /// connection without waiting for an answer.
    ///
    /// ```no_run
    /// let mut client = load::http1::Client::new("127.0.0.1:8080".parse().unwrap());
    /// client.cut("PATCH", "/api/uploads/abc", &[], &[0; 1000], 500).unwrap();
    /// ```
    pub fn cut(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
        sent: usize,
    ) -> io::Result<()> {
        let mut stream = self.connect()?;
        stream
            .get_mut()
            .write_all(&self.head(method, path, headers, body.len()))?;
        stream.get_mut().write_all(&body[..sent.min(body.len())])?;
        stream.get_mut().flush()?;
        let _ = stream.get_mut().shutdown(std::net::Shutdown::Both);
        Ok(())
    }

    fn connect(&mut self) -> io::Result<BufReader<TcpStream>> {
        if let Some(connection) = self.connection.take() {
            return Ok(connection);
        }
        let stream = TcpStream::connect_timeout(&self.addr, Duration::from_secs(10))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        Ok(BufReader::new(stream))
    }

    fn head(&self, method: &str, path: &str, headers: &[(&str, &str)], length: usize) -> Vec<u8> {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.addr);
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {length}\r\n\r\n"));
        head.into_bytes()
    }

    fn try_send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> io::Result<Response> {
        let mut connection = self.connect()?;
        let head = self.head(method, path, headers, body.len());
        connection.get_mut().write_all(&head)?;
        connection.get_mut().write_all(body)?;
        let (response, keep_alive) = read_response(&mut connection, method == "HEAD")?;
        if keep_alive {
            self.connection = Some(connection);
        }
        Ok(response)
    }
}

/// Reads one response; says whether the connection can carry another.
fn read_response(reader: &mut BufReader<TcpStream>, is_head: bool) -> io::Result<(Response, bool)> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(io::Error::new(
            io::ErrorKind::UnexpectedEof,
            "connection closed",
        ));
    }
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("bad status line {line:?}"),
            )
        })?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        if let Some((name, value)) = trimmed.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let response_header = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let closes = response_header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
    let length = response_header("content-length").and_then(|v| v.parse::<usize>().ok());
    let chunked = response_header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    let mut body = Vec::new();
    let keep_alive = if is_head || status == 204 || status == 304 || (100..200).contains(&status) {
        !closes
    } else if let Some(length) = length {
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
        !closes
    } else if chunked {
        read_chunked(reader, &mut body)?;
        !closes
    } else {
        reader.read_to_end(&mut body)?;
        false
    };
    Ok((
        Response {
            status,
            headers,
            body,
        },
        keep_alive,
    ))
}

fn read_chunked(reader: &mut BufReader<TcpStream>, body: &mut Vec<u8>) -> io::Result<()> {
    let mut line = String::new();
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
        let start = body.len();
        body.resize(start + size, 0);
        reader.read_exact(&mut body[start..])?;
        line.clear();
        reader.read_line(&mut line)?;
        if size == 0 {
            return Ok(());
        }
    }
}
