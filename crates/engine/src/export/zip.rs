//! A small ZIP writer and reader (deflate through `miniz_oxide`), enough for brat's folder of
//! `.txt` and `.ann` files and for several documents in one download.

use super::ImportError;

fn crc32(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let t = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *e = c;
        }
        t
    });
    !data.iter().fold(!0u32, |c, &b| t[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8))
}

/// A ZIP archive of `files` (name, contents), deflated. Names are UTF-8 (flag bit 11).
pub fn write(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let (method, body): (u16, &[u8]) = if packed.len() < data.len() { (8, &packed) } else { (0, data) };
        let crc = crc32(data);
        let offset = out.len() as u32;
        let head = |sig: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(sig.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(0x0800u16.to_le_bytes()); // UTF-8 names
            h.extend(method.to_le_bytes());
            h.extend([0, 0, 0x21, 0]); // time, date: 1980-01-01
            h.extend(crc.to_le_bytes());
            h.extend((body.len() as u32).to_le_bytes());
            h.extend((data.len() as u32).to_le_bytes());
            h.extend((name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment length, disk, internal attributes
                h.extend(0u32.to_le_bytes()); // external attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(name.as_bytes());
            h
        };
        out.extend(head(0x0403_4b50, false));
        out.extend_from_slice(body);
        central.extend(head(0x0201_4b50, true));
    }
    let start = out.len() as u32;
    let n = files.len() as u16;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Whether `bytes` look like a ZIP archive.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The files of a ZIP archive (stored or deflated), read from its central directory.
pub fn read(bytes: &[u8], archive: &str) -> Result<Vec<(String, Vec<u8>)>, ImportError> {
    let bad = |what: &str| ImportError::new(archive, format!("not a readable ZIP archive: {what}"));
    let u16_at = |i: usize| {
        bytes.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize).ok_or_else(|| bad("truncated"))
    };
    let u32_at = |i: usize| {
        bytes
            .get(i..i + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
            .ok_or_else(|| bad("truncated"))
    };
    let end = (0..bytes.len().saturating_sub(21))
        .rev()
        .take(65_558)
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(|| bad("no end of central directory"))?;
    let count = u16_at(end + 10)?;
    let mut at = u32_at(end + 16)?;
    let mut files = Vec::new();
    for _ in 0..count {
        if !bytes.get(at..).is_some_and(|b| b.starts_with(b"PK\x01\x02")) {
            return Err(bad("broken central directory"));
        }
        let method = u16_at(at + 10)?;
        let crc = u32_at(at + 16)? as u32;
        let (packed, size) = (u32_at(at + 20)?, u32_at(at + 24)?);
        let (name_len, extra, comment) = (u16_at(at + 28)?, u16_at(at + 30)?, u16_at(at + 32)?);
        let local = u32_at(at + 42)?;
        let name = String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| bad("truncated"))?)
            .into_owned();
        at += 46 + name_len + extra + comment;
        if name.ends_with('/') {
            continue;
        }
        let data_at = local + 30 + u16_at(local + 26)? + u16_at(local + 28)?;
        let body = bytes.get(data_at..data_at + packed).ok_or_else(|| bad(&format!("{name} is truncated")))?;
        let data = match method {
            0 => body.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(body, 256 << 20)
                .map_err(|_| bad(&format!("{name} does not inflate")))?,
            m => return Err(bad(&format!("{name} uses compression method {m}"))),
        };
        if data.len() != size || crc32(&data) != crc {
            return Err(bad(&format!("{name} fails its checksum")));
        }
        files.push((name, data));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_checksums() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        let files = vec![
            ("أ.txt".to_string(), "روسيا ".repeat(50).into_bytes()),
            ("b.ann".to_string(), b"T1\tLOC 0 5\t".to_vec()),
            ("empty".to_string(), vec![]),
        ];
        let z = write(&files);
        assert!(is_zip(&z));
        assert_eq!(read(&z, "x.zip").unwrap(), files);
        let mut broken = z.clone();
        broken[40] ^= 0xFF;
        assert!(read(&broken, "x.zip").is_err());
        assert!(read(&z[..z.len() / 2], "x.zip").is_err());
    }
}
