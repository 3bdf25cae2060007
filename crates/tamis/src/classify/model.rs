//! A gradient-boosted tree ensemble: reads the model file that `scripts/train_model.py` writes and
//! scores feature vectors with it.

use serde::Deserialize;

/// One regression tree. Node `i` splits on `feature[i]` at `threshold[i]`; a child index below zero
/// is a leaf, `-(leaf + 1)` into `value`.
#[derive(Debug, Deserialize)]
struct Tree {
    feature: Vec<u16>,
    threshold: Vec<f32>,
    left: Vec<i32>,
    right: Vec<i32>,
    value: Vec<f32>,
}

/// The model file's form.
#[derive(Debug, Deserialize)]
struct ModelFile {
    features: Vec<String>,
    trees: Vec<Tree>,
    threshold: f32,
}

/// One split, packed so that a walk touches one cache line per level.
#[derive(Debug, Clone, Copy)]
struct Split {
    threshold: f32,
    feature: u16,
    left: i32,
    right: i32,
}

/// A binary classifier: the sum of the trees' leaves, through the logistic function.
#[derive(Debug)]
pub struct Model {
    pub features: Vec<String>,
    /// Every tree's splits, one after another; `roots[t]` is where tree `t` starts.
    splits: Vec<Split>,
    roots: Vec<u32>,
    leaves: Vec<f32>,
    /// Where tree `t`'s leaves start in `leaves`.
    leaf_base: Vec<u32>,
    /// The probability above which a block is content.
    pub threshold: f32,
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("model file is not valid: {0}")]
    Parse(#[from] serde_json::Error),
    #[error("model expects features {expected:?}, the code computes {found:?}")]
    Features {
        expected: Vec<String>,
        found: Vec<String>,
    },
    #[error("tree {0} is malformed")]
    Tree(usize),
}

impl Model {
    /// Parses a model and checks it against the feature names the code computes.
    pub fn from_json(json: &str, names: &[&str]) -> Result<Model, ModelError> {
        let model: ModelFile = serde_json::from_str(json)?;
        if model
            .features
            .iter()
            .map(String::as_str)
            .ne(names.iter().copied())
        {
            return Err(ModelError::Features {
                expected: model.features.clone(),
                found: names.iter().map(|s| s.to_string()).collect(),
            });
        }
        for (i, t) in model.trees.iter().enumerate() {
            let n = t.feature.len();
            let ok = t.threshold.len() == n
                && t.left.len() == n
                && t.right.len() == n
                && t.feature.iter().all(|&f| (f as usize) < names.len())
                && t.left
                    .iter()
                    .zip(&t.right)
                    .enumerate()
                    .all(|(at, (&l, &r))| {
                        // Children point forward (so a walk always ends) or at a leaf that exists.
                        let fine = |c: i32| {
                            if c >= 0 {
                                (c as usize) > at && (c as usize) < n
                            } else {
                                ((-(c as i64) - 1) as usize) < t.value.len()
                            }
                        };
                        fine(l) && fine(r)
                    })
                && (n > 0 || t.value.len() == 1);
            if !ok {
                return Err(ModelError::Tree(i));
            }
        }
        let mut packed = Model {
            features: model.features,
            splits: Vec::new(),
            roots: Vec::new(),
            leaves: Vec::new(),
            leaf_base: Vec::new(),
            threshold: model.threshold,
        };
        for t in &model.trees {
            packed.roots.push(packed.splits.len() as u32);
            packed.leaf_base.push(packed.leaves.len() as u32);
            packed.leaves.extend_from_slice(&t.value);
            packed.splits.extend((0..t.feature.len()).map(|i| Split {
                threshold: t.threshold[i],
                feature: t.feature[i],
                left: t.left[i],
                right: t.right[i],
            }));
        }
        packed.roots.push(packed.splits.len() as u32);
        Ok(packed)
    }

    /// The probability that the block with features `x` is content.
    pub fn predict(&self, x: &[f32]) -> f32 {
        let mut sum = 0.0f32;
        for t in 0..self.leaf_base.len() {
            let (from, to) = (self.roots[t] as usize, self.roots[t + 1] as usize);
            let leaves = &self.leaves[self.leaf_base[t] as usize..];
            if from == to {
                sum += leaves[0];
                continue;
            }
            let splits = &self.splits[from..to];
            let mut i = 0usize;
            // Children always point forward (checked on load), so this ends within the tree.
            let leaf = loop {
                let s = splits[i];
                let next = if x[s.feature as usize] <= s.threshold {
                    s.left
                } else {
                    s.right
                };
                if next < 0 {
                    break (-next - 1) as usize;
                }
                i = next as usize;
            };
            sum += leaves[leaf];
        }
        1.0 / (1.0 + (-sum).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stump_splits() {
        let json = r#"{"features":["a","b"],"threshold":0.5,"trees":[
            {"feature":[1],"threshold":[2.0],"left":[-1],"right":[-2],"value":[-3.0,3.0]}]}"#;
        let m = Model::from_json(json, &["a", "b"]).unwrap();
        assert!(m.predict(&[0.0, 1.0]) < 0.1);
        assert!(m.predict(&[0.0, 5.0]) > 0.9);
        assert!(Model::from_json(json, &["a", "c"]).is_err());
        let bad = r#"{"features":["a"],"threshold":0.5,"trees":[{"feature":[0],"threshold":[1],"left":[0],"right":[-1],"value":[1]}]}"#;
        assert!(Model::from_json(bad, &["a"]).is_err());
    }
}
