"""The five folds every development page falls in, by a hash of its id: one definition for the
training scripts, scripts/crossval.sh and scripts/heldout.sh (standard library only, so that the
scoring scripts run without the .train virtualenv). The shipped models are trained without fold 0."""
import hashlib


def fold(page_id):
    """A page's fold, 0 to 4."""
    return hashlib.md5(page_id.encode()).digest()[0] % 5
