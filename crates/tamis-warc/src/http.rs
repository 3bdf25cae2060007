//! The HTTP message inside a WARC `response` record: status, headers, and the body with chunked
//! transfer and gzip or deflate content encoding undone.

use std::io::Read;

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Response<'a> {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body as sent (still chunked or compressed if it was).
    pub raw_body: &'a [u8],
}

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("not an HTTP response")]
    NotHttp,
    #[error("chunked body is malformed")]
    BadChunks,
    #[error("content encoding {0:?} is not supported")]
    Unsupported(String),
    #[error("compressed body is corrupt: {0}")]
    Corrupt(String),
}

/// Parses the status line and headers; the body is undone by [`Response::body`].
pub fn parse(block: &[u8]) -> Result<Response<'_>, HttpError> {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|e| (e, e + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|e| (e, e + 2)))
        .ok_or(HttpError::NotHttp)?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().ok_or(HttpError::NotHttp)?;
    if !status_line.starts_with("HTTP/") {
        return Err(HttpError::NotHttp);
    }
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or(HttpError::NotHttp)?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Response {
        status,
        headers,
        raw_body: &block[end.1..],
    })
}

impl Response<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The media type of `Content-Type`, lower-cased ("text/html").
    pub fn media_type(&self) -> Option<String> {
        self.header("Content-Type").map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        })
    }

    /// The `charset` parameter of `Content-Type`.
    pub fn charset(&self) -> Option<&str> {
        let ct = self.header("Content-Type")?;
        ct.split(';').skip(1).find_map(|p| {
            let (k, v) = p.split_once('=')?;
            k.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| v.trim().trim_matches('"'))
        })
    }

    /// The body with transfer and content encodings undone. Crawlers often store the body already
    /// decoded but keep the header: a body that does not look encoded is taken as it is.
    pub fn body(&self) -> Result<Vec<u8>, HttpError> {
        let chunked = self
            .header("Transfer-Encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let mut body = if chunked {
            dechunk(self.raw_body).unwrap_or_else(|_| self.raw_body.to_vec())
        } else {
            self.raw_body.to_vec()
        };
        match self
            .header("Content-Encoding")
            .map(|e| e.trim().to_ascii_lowercase())
        {
            None => {}
            Some(e) if e.is_empty() || e == "identity" || e == "none" => {}
            // A body without the gzip magic was stored decoded: it is kept as it is.
            Some(e) if (e == "gzip" || e == "x-gzip") && body.starts_with(&crate::GZIP_MAGIC) => {
                let mut out = Vec::new();
                flate2::read::MultiGzDecoder::new(&body[..])
                    .read_to_end(&mut out)
                    .map_err(|e| HttpError::Corrupt(e.to_string()))?;
                body = out;
            }
            Some(e) if e == "gzip" || e == "x-gzip" => {}
            Some(e) if e == "deflate" => {
                let mut out = Vec::new();
                let zlib = flate2::read::ZlibDecoder::new(&body[..]).read_to_end(&mut out);
                if zlib.is_ok() {
                    body = out;
                } else {
                    let mut raw = Vec::new();
                    if flate2::read::DeflateDecoder::new(&body[..])
                        .read_to_end(&mut raw)
                        .is_ok()
                    {
                        body = raw;
                    }
                }
            }
            // Stored already decoded despite the header? Text-shaped bodies are kept.
            Some(e) if !looks_like_text(&body) => return Err(HttpError::Unsupported(e)),
            Some(_) => {}
        }
        Ok(body)
    }
}

fn looks_like_text(b: &[u8]) -> bool {
    let head = &b[..b.len().min(512)];
    !head.is_empty()
        && head
            .iter()
            .filter(|&&c| c < 0x09 || (c > 0x0d && c < 0x20))
            .count()
            * 20
            < head.len()
}

/// Undoes chunked transfer encoding.
pub fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = memchr::memchr(b'\n', data).ok_or(HttpError::BadChunks)?;
        let size_str = String::from_utf8_lossy(&data[..line_end]);
        let size_hex = size_str.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).map_err(|_| HttpError::BadChunks)?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Ok(out);
        }
        if size > data.len() {
            // A last chunk cut short: keep what there is.
            out.extend_from_slice(data);
            return Ok(out);
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_gzip_are_undone() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"EUC-JP\"\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        let r = parse(block).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.charset(), Some("EUC-JP"));
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert_eq!(r.body().unwrap(), b"hello world");

        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut block = b"HTTP/1.0 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        assert_eq!(parse(&block).unwrap().body().unwrap(), b"<p>zipped</p>");
        // Header says gzip, body was stored decoded.
        let stored = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n<p>plain</p>";
        assert_eq!(parse(stored).unwrap().body().unwrap(), b"<p>plain</p>");
        assert!(parse(b"not http at all").is_err());
    }
}
