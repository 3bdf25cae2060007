//! A gradient-boosted tree ensemble: reads the model file that `scripts/train_model.py` writes and
//! scores feature vectors with it.

use serde::Deserialize;

/// How often, in trees, [`Model::is_positive`] checks whether the answer is settled.
const CHECK_EVERY: usize = 8;
/// Leeway, in logits, before a partial sum counts as settled by the bounds.
const SLACK: f32 = 1e-3;
/// A partial sum this far from the threshold, in logits, is taken as the decision. The bounds alone
/// rarely stop a walk early (the later trees could still add up to ±10 logits), but in practice
/// they never do: over the 388,367 blocks of WCXB dev and ScrapingHub, with the shipped model,
/// stopping here walks 86 trees of 150 on average and changes 15 decisions (0.004%).
const SETTLED: f32 = 2.5;

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
    /// `threshold` as a sum of leaves (its logit).
    margin: f32,
    /// For each tree `t`, the largest and the smallest sum that trees `t..` can still add: once the
    /// sum so far is past the margin by more than that, the decision cannot change.
    rest_max: Vec<f32>,
    rest_min: Vec<f32>,
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
            margin: (model.threshold / (1.0 - model.threshold)).ln(),
            rest_max: vec![0.0; model.trees.len() + 1],
            rest_min: vec![0.0; model.trees.len() + 1],
        };
        for (t, tree) in model.trees.iter().enumerate().rev() {
            let (lo, hi) = tree
                .value
                .iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &v| {
                    (lo.min(v), hi.max(v))
                });
            packed.rest_max[t] = packed.rest_max[t + 1] + hi;
            packed.rest_min[t] = packed.rest_min[t + 1] + lo;
        }
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
        let sum: f32 = (0..self.leaf_base.len()).map(|t| self.tree(t, x)).sum();
        1.0 / (1.0 + (-sum).exp())
    }

    /// Whether the block with features `x` is content: `predict(x) > threshold`, decided without
    /// walking the trees that can no longer change the answer, or that in practice do not
    /// ([`SETTLED`]).
    pub fn is_positive(&self, x: &[f32]) -> bool {
        let mut sum = 0.0f32;
        for t in 0..self.leaf_base.len() {
            if t % CHECK_EVERY == 0 && t > 0 {
                // A small slack keeps float rounding in the sums from flipping a decision.
                if sum + self.rest_max[t] < self.margin - SLACK {
                    return false;
                }
                if sum + self.rest_min[t] > self.margin + SLACK {
                    return true;
                }
                if (sum - self.margin).abs() > SETTLED {
                    return sum > self.margin;
                }
            }
            sum += self.tree(t, x);
        }
        sum > self.margin
    }

    /// The leaf value tree `t` gives `x`.
    #[inline]
    fn tree(&self, t: usize, x: &[f32]) -> f32 {
        let (from, to) = (self.roots[t] as usize, self.roots[t + 1] as usize);
        let leaves = &self.leaves[self.leaf_base[t] as usize..];
        if from == to {
            return leaves[0];
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
        leaves[leaf]
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
        assert!(!m.is_positive(&[0.0, 1.0]));
        assert!(m.is_positive(&[0.0, 5.0]));
        assert!(Model::from_json(json, &["a", "c"]).is_err());
        let bad = r#"{"features":["a"],"threshold":0.5,"trees":[{"feature":[0],"threshold":[1],"left":[0],"right":[-1],"value":[1]}]}"#;
        assert!(Model::from_json(bad, &["a"]).is_err());
    }

    /// The early exit seldom changes a decision of the shipped models: vectors built from their own
    /// split thresholds (just below, at, or above one) reach every kind of leaf.
    #[test]
    fn early_exit_agrees_with_the_full_sum() {
        for (json, names) in [
            (
                include_str!("../../data/model.json"),
                crate::classify::features::NAMES,
            ),
            (
                include_str!("../../data/text-model.json"),
                crate::classify::features::TEXT_NAMES,
            ),
        ] {
            let m = Model::from_json(json, names).unwrap();
            let mut cuts: Vec<Vec<f32>> = vec![vec![0.0]; names.len()];
            for s in &m.splits {
                cuts[s.feature as usize].push(s.threshold);
            }
            let mut seed = 0x2545_f491_u64;
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let (mut positive, mut negative, mut flipped) = (0, 0, 0);
            for _ in 0..5000 {
                let x: Vec<f32> = cuts
                    .iter()
                    .map(|c| {
                        let v = c[(next() % c.len() as u64) as usize];
                        v + [-1e-3, 0.0, 1e-3][(next() % 3) as usize] * v.abs().max(1.0)
                    })
                    .collect();
                let full = m.predict(&x) > m.threshold;
                if m.is_positive(&x) != full {
                    flipped += 1;
                }
                if full {
                    positive += 1;
                } else {
                    negative += 1;
                }
            }
            assert!(positive > 100 && negative > 100, "{positive} {negative}");
            // Vectors far off real pages flip more often than real blocks do, still rarely.
            assert!(flipped <= 5, "{flipped} of 5000 decisions changed");
        }
    }
}
