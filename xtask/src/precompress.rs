//! A Brotli (`.br`) and a gzip (`.gz`) copy next to each file, at the highest
//! levels: compressed once at build time, a server only picks the copy the
//! browser accepts (demo-server does; so can nginx, Caddy or a CDN).

use crate::cmd::Fail;
use std::io::Write;
use std::path::Path;

/// What the copies of one file weigh, in bytes.
pub struct Sizes {
    /// The file as built.
    pub plain: usize,
    /// Its Brotli copy.
    pub brotli: usize,
    /// Its gzip copy.
    pub gzip: usize,
}

/// Writes `path.br` and `path.gz` beside `path`.
pub fn precompress(path: &Path) -> Result<Sizes, Fail> {
    let fail = |e: std::io::Error| Fail(format!("cannot compress {}: {e}", path.display()));
    let plain = std::fs::read(path).map_err(fail)?;
    let mut brotli = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        encoder.write_all(&plain).map_err(fail)?;
    }
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&plain).map_err(fail)?;
    let gzip = gzip.finish().map_err(fail)?;
    let with = |extension: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(extension);
        name
    };
    std::fs::write(with(".br"), &brotli).map_err(fail)?;
    std::fs::write(with(".gz"), &gzip).map_err(fail)?;
    Ok(Sizes {
        plain: plain.len(),
        brotli: brotli.len(),
        gzip: gzip.len(),
    })
}
