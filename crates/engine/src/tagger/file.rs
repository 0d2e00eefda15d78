//! The model file: `WASIMTAG`, the file version, the feature version, the table size, a JSON
//! header (what it was trained on, calibration, quantization), then a checksum and the weights
//! compressed with DEFLATE: transitions as little-endian f32; the number of rows that carry a
//! weight, each row's distance from the previous one (LEB128), then their weights, one signed
//! byte per tag, row after row (the distances apart from the weights: DEFLATE finds more in each
//! alone, 4% smaller); then the vocabulary, its number of keys and each key's distance from the
//! previous one (LEB128).

use super::{features, Calibration, Info, Model, Taught, Vocabulary, TAGS};
use std::fmt;

const MAGIC: &[u8; 8] = b"WASIMTAG";
const FILE_VERSION: u32 = 3;

/// Why a model file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    /// Not a Wasim model at all.
    NotAModel,
    /// Made by another version of Wasim.
    Version { file: u32, features: u32 },
    /// Cut short or altered.
    Damaged(String),
    /// What was taught belongs to another model (a file taught on another version of Wasim's
    /// model).
    OtherModel,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::NotAModel => f.write_str("this is not a Wasim model file"),
            ModelError::Version { file, features } => write!(
                f,
                "this model was made by another version of Wasim (file version {file}, features {features}; \
                 this Wasim reads file version {FILE_VERSION}, features {}); retrain it or use a model from this \
                 version",
                features::VERSION
            ),
            ModelError::Damaged(what) => write!(f, "the model file is damaged ({what}); export it again"),
            ModelError::OtherModel => f.write_str(
                "this was taught on another model than this Wasim's; teach it again, or use the Wasim it was made with",
            ),
        }
    }
}

impl std::error::Error for ModelError {}

#[derive(serde::Serialize, serde::Deserialize)]
struct Header {
    info: Info,
    calibration: Calibration,
    quant: super::Quant,
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads from a byte slice, failing with where it ran out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], ModelError> {
        let s = self.bytes.get(self.at..self.at + n).ok_or_else(|| ModelError::Damaged(format!("{what} cut short")))?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self, what: &str) -> Result<u32, ModelError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn leb(&mut self, what: &str) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1, what)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Damaged(format!("{what} malformed")))
    }
}

/// Appends `payload`, compressed, after its checksum (FNV-1a of the uncompressed bytes): DEFLATE
/// alone decodes many damaged streams without a word.
pub(super) fn seal(out: &mut Vec<u8>, payload: &[u8]) {
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(payload, 9));
}

/// The payload sealed by [`seal`], checked.
pub(super) fn unseal(bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    let sum = bytes.get(..8).ok_or_else(|| ModelError::Damaged("cut short".into()))?;
    let sum = u64::from_le_bytes([sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7]]);
    let payload = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes[8..], 64 << 20)
        .map_err(|e| ModelError::Damaged(format!("weights: {e:?}")))?;
    if checksum(&payload) != sum {
        return Err(ModelError::Damaged("its checksum does not match".into()));
    }
    Ok(payload)
}

fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

impl Model {
    /// The model as the bytes of its file (what a person taught is not in it: see
    /// [`Taught::to_bytes`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, FILE_VERSION);
        put_u32(&mut out, features::VERSION);
        out.push(self.bits);
        out.push(TAGS as u8);
        let header =
            serde_json::to_vec(&Header { info: self.info.clone(), calibration: self.calibration, quant: self.quant })
                .unwrap_or_default();
        put_u32(&mut out, header.len() as u32);
        out.extend_from_slice(&header);
        let mut payload = Vec::new();
        for t in &self.transitions {
            payload.extend_from_slice(&t.to_le_bytes());
        }
        let rows: Vec<usize> = (0..self.weights.len() / TAGS)
            .filter(|r| self.weights[r * TAGS..(r + 1) * TAGS].iter().any(|&w| w != 0))
            .collect();
        put_leb(&mut payload, rows.len() as u64);
        let mut prev = 0;
        for &r in &rows {
            put_leb(&mut payload, (r - prev) as u64);
            prev = r;
        }
        for r in rows {
            payload.extend(self.weights[r * TAGS..(r + 1) * TAGS].iter().map(|&w| w as u8));
        }
        put_leb(&mut payload, self.vocab.len() as u64);
        let mut prev = 0;
        for &k in self.vocab.keys() {
            put_leb(&mut payload, u64::from(k - prev));
            prev = k;
        }
        seal(&mut out, &payload);
        out
    }

    /// Reads a model file, checking its kind, version and integrity.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(ModelError::NotAModel);
        }
        let mut r = Reader { bytes, at: MAGIC.len() };
        let (file, feats) = (r.u32("version")?, r.u32("version")?);
        if file != FILE_VERSION || feats != features::VERSION {
            return Err(ModelError::Version { file, features: feats });
        }
        let dims = r.take(2, "table size")?;
        let (bits, tags) = (dims[0], usize::from(dims[1]));
        if !(8..=24).contains(&bits) || tags != TAGS {
            return Err(ModelError::Damaged(format!("a table of 2^{bits} rows and {tags} tags")));
        }
        let len = r.u32("header")? as usize;
        let header: Header =
            serde_json::from_slice(r.take(len, "header")?).map_err(|e| ModelError::Damaged(format!("header: {e}")))?;
        let payload = unseal(&bytes[r.at..])?;
        let mut p = Reader { bytes: &payload, at: 0 };
        let mut transitions = Vec::with_capacity((TAGS + 1) * TAGS);
        for _ in 0..(TAGS + 1) * TAGS {
            let b = p.take(4, "transitions")?;
            transitions.push(f32::from_le_bytes([b[0], b[1], b[2], b[3]]));
        }
        let size = 1usize << bits;
        let mut weights = vec![0i8; size * TAGS];
        let count = p.leb("rows")? as usize;
        let mut rows = Vec::with_capacity(count.min(size));
        let mut row = 0usize;
        for _ in 0..count {
            row += p.leb("rows")? as usize;
            if row >= size {
                return Err(ModelError::Damaged(format!("row {row} past the table's {size}")));
            }
            rows.push(row);
        }
        for row in rows {
            let w = p.take(TAGS, "weights")?;
            for (t, &b) in w.iter().enumerate() {
                weights[row * TAGS + t] = b as i8;
            }
        }
        let count = p.leb("vocabulary")? as usize;
        let mut keys = Vec::with_capacity(count.min(payload.len()));
        let mut key = 0u64;
        for _ in 0..count {
            key += p.leb("vocabulary")?;
            keys.push(u32::try_from(key).map_err(|_| ModelError::Damaged("vocabulary out of range".into()))?);
        }
        if p.at != payload.len()
            || !(header.quant.max.is_finite() && header.quant.gamma == 1.0)
            || transitions.iter().any(|t| !t.is_finite())
        {
            return Err(ModelError::Damaged("trailing or invalid numbers".into()));
        }
        let model = Model {
            bits,
            quant: header.quant,
            weights,
            transitions,
            calibration: header.calibration,
            info: header.info,
            taught: Taught::default(),
            vocab: Vocabulary::from_keys(keys),
            fingerprint: Box::default(),
        };
        Ok(model)
    }

    /// A fingerprint of the weights, so that what a person taught is applied to the model it was
    /// taught on (computed once, when first asked).
    pub fn fingerprint(&self) -> u64 {
        *self.fingerprint.get_or_init(|| self.compute_fingerprint())
    }

    fn compute_fingerprint(&self) -> u64 {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for &w in self.weights.iter().chain(std::iter::once(&(self.bits as i8))) {
            h = (h ^ u64::from(w as u8)).wrapping_mul(0x0100_0000_01b3);
        }
        for t in &self.transitions {
            h = (h ^ u64::from(t.to_bits())).wrapping_mul(0x0100_0000_01b3);
        }
        for &k in self.vocab.keys() {
            h = (h ^ u64::from(k)).wrapping_mul(0x0100_0000_01b3);
        }
        h
    }
}
