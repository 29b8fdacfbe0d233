//! Reading finished takes kept as objects: a signed URL for ffmpeg and
//! ffprobe, the seekable copy put beside the take, and the review page's
//! responses with HTTP Range.

use super::{extension, to_io, S3Store};
use crate::db::UploadRow;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::Response;
use futures::StreamExt;
use object_store::buffered::BufWriter;
use object_store::path::Path;
use object_store::signer::Signer;
use object_store::{GetOptions, GetRange, ObjectStore};
use std::io;
use std::sync::Arc;
use tokio::io::AsyncWriteExt;

/// How long a signed URL that ffmpeg reads a take from stays valid.
const SIGNED_FOR: std::time::Duration = std::time::Duration::from_secs(3600);

impl S3Store {
    /// The seekable copy of `upload`.
    fn copy_object(&self, upload: &UploadRow) -> Path {
        self.path(&format!(
            "{}.seekable.{}",
            upload.id,
            extension(&upload.filetype)
        ))
    }

    /// A URL that reads the whole `upload` for an hour, without credentials
    /// (ffmpeg and ffprobe read it).
    pub async fn signed_url(&self, upload: &UploadRow) -> io::Result<String> {
        self.whole_if_complete(upload).await?;
        let url = (self.client)
            .signed_url(Method::GET, &self.object(upload), SIGNED_FOR)
            .await
            .map_err(to_io)?;
        Ok(url.to_string())
    }

    /// Makes the seekable copy of `upload` (remuxed from its signed URL
    /// into a temporary file, then put beside it); its duration in ms.
    pub async fn make_seekable(&self, upload: &UploadRow) -> Result<u64, String> {
        let original = self.signed_url(upload).await.map_err(|e| e.to_string())?;
        let format = extension(&upload.filetype);
        // Removed when dropped, also if this conversion is cut short.
        let local = tempfile::Builder::new()
            .prefix(&format!("demo-server-{}-", upload.id))
            .suffix(&format!(".{format}"))
            .tempfile()
            .map_err(|e| format!("cannot make a temporary file: {e}"))?
            .into_temp_path();
        let made = crate::seekable::remux(original.as_ref(), format, &local).await;
        let put = match made {
            Ok(_) => self.put_file(&self.copy_object(upload), &local).await,
            Err(_) => Ok(()),
        };
        drop(local);
        put.map_err(|e| format!("cannot store the seekable copy: {e}"))?;
        made
    }

    /// Streams the file at `local` into the object at `path`.
    async fn put_file(&self, path: &Path, local: &std::path::Path) -> io::Result<()> {
        let client: Arc<dyn ObjectStore> = self.client.clone();
        let mut writer = BufWriter::new(client, path.clone());
        let mut file = tokio::fs::File::open(local).await?;
        tokio::io::copy(&mut file, &mut writer).await?;
        writer.shutdown().await
    }

    /// The whole of `upload`, as it arrives from the store.
    pub(super) async fn bytes(
        &self,
        upload: &UploadRow,
    ) -> io::Result<futures::stream::BoxStream<'static, object_store::Result<bytes::Bytes>>> {
        self.whole_if_complete(upload).await?;
        let got = self.client.get(&self.object(upload)).await.map_err(to_io)?;
        Ok(got.into_stream())
    }

    /// Writes the whole of `upload` to `out`; how many bytes.
    pub async fn copy_to(
        &self,
        upload: &UploadRow,
        out: &mut (impl tokio::io::AsyncWrite + Unpin),
    ) -> io::Result<u64> {
        let mut stream = self.bytes(upload).await?;
        let mut written = 0;
        while let Some(bytes) = stream.next().await {
            let bytes = bytes.map_err(to_io)?;
            out.write_all(&bytes).await?;
            written += bytes.len() as u64;
        }
        Ok(written)
    }

    /// Removes the seekable copy of `upload` (gone already is fine).
    pub async fn remove_copy(&self, upload: &UploadRow) -> io::Result<()> {
        self.delete(&self.copy_object(upload)).await
    }

    /// `upload` (its seekable copy if made) as an HTTP response of type
    /// `content_type`, the part `range` asks for (a `Range` header's value).
    pub async fn respond(
        &self,
        upload: &UploadRow,
        range: Option<&str>,
        content_type: &str,
    ) -> io::Result<Response> {
        let copy = self.copy_object(upload);
        let (path, meta) = match self.client.head(&copy).await {
            Ok(meta) => (copy, meta),
            Err(object_store::Error::NotFound { .. }) => {
                self.whole_if_complete(upload).await?;
                let original = self.object(upload);
                let meta = self.client.head(&original).await.map_err(to_io)?;
                (original, meta)
            }
            Err(error) => return Err(to_io(error)),
        };
        let size = meta.size;
        let Ok(part) = crate::byte_range::requested(range, size) else {
            let mut refused = Response::new(Body::empty());
            *refused.status_mut() = StatusCode::RANGE_NOT_SATISFIABLE;
            let unsatisfied = HeaderValue::from_str(&format!("bytes */{size}"));
            refused
                .headers_mut()
                .extend(unsatisfied.ok().map(|v| (header::CONTENT_RANGE, v)));
            return Ok(refused);
        };
        let options = GetOptions {
            range: part.clone().map(GetRange::Bounded),
            ..Default::default()
        };
        let got = self.client.get_opts(&path, options).await.map_err(to_io)?;
        let mut response = Response::new(Body::from_stream(got.into_stream()));
        let length = part.as_ref().map_or(size, |part| part.end - part.start);
        let mut headers = vec![
            (header::CONTENT_LENGTH, length.to_string()),
            (header::ACCEPT_RANGES, "bytes".to_string()),
            (header::CONTENT_TYPE, content_type.to_string()),
        ];
        if let Some(part) = part {
            *response.status_mut() = StatusCode::PARTIAL_CONTENT;
            let content_range = format!("bytes {}-{}/{size}", part.start, part.end - 1);
            headers.push((header::CONTENT_RANGE, content_range));
        }
        for (name, value) in headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                response.headers_mut().insert(name, value);
            }
        }
        Ok(response)
    }
}
