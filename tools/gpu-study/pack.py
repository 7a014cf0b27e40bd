#!/usr/bin/env python3
"""Packs the TRAIN splits (300-W afw + helen/trainset + lfpw/trainset, YouTube-Faces train) into one
compact archive for the GPU compute-ceiling study (docs/GPU_STUDY.md).

For each face: a square pre-crop of side PACK x the landmark box's larger side, centred on the
landmark box, resampled to RES x RES grey with the Java Cropper's rules (core/.../image/Cropper.java:
colour decode, the CropTransform pixel-centre convention, bilinear, border replicate, a Gaussian
low-pass of sigma 0.25k first when shrinking by k > 2.5, then BGR->grey), JPEG-encoded, with the 68
points in pre-crop pixels (0-based pixel centres; .pts files are 1-based and get -1 like PtsFile.java).

The 10% validation hold-out is the Java trainer's, reproduced exactly: DatasetSplit.byClip with seed
42 (groups = YouTube-Faces clip or 300-W sample name, sorted, java.util.Collections.shuffle with
java.util.Random(42), taken until ceil(0.1 N) faces).

Usage: python3 tools/gpu-study/pack.py ../shared/data .gpustudy/train.npz
Never add test splits here (300-W common, YTF test): they are for evaluation with the Java evaluator.
"""
import math
import os
import sys

import cv2
import numpy as np

PACK = float(os.environ.get("PACK", "1.9"))
RES = int(os.environ.get("RES", "192"))
QUALITY = int(os.environ.get("QUALITY", "90"))
W300_TRAIN = ["afw", "helen/trainset", "lfpw/trainset"]   # W300Dataset.TRAIN, in order
IMAGE_EXT = [".jpg", ".png", ".jpeg", ".JPG", ".PNG"]


# ---- java.util.Random and Collections.shuffle, bit-exact -------------------------------------
class JavaRandom:
    MULT, ADD, MASK = 0x5DEECE66D, 0xB, (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ self.MULT) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * self.MULT + self.ADD) & self.MASK
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= (1 << 31) else r   # (int) cast

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if (bound & m) == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            s = (u - r + m) & 0xFFFFFFFF
            if s < (1 << 31):       # no int overflow
                return r
            u = self.next(31)


def java_shuffle(lst, rnd):
    for i in range(len(lst), 1, -1):
        j = rnd.next_int(i)
        lst[i - 1], lst[j] = lst[j], lst[i - 1]


def ytf_clip(name):
    """DatasetSplit.ytfClip."""
    f = name.replace("\\", "/").split("/")[-1]
    dot = f.rfind(".")
    s = f[:dot] if dot > 0 else f
    u = s.rfind("_")
    if u <= 0:
        return s
    head, tail = s[:u], s[u + 1:]
    if not tail.isdigit():
        return s
    u2 = head.rfind("_")
    if u2 > 0 and head[u2 + 1:].isdigit():
        return head
    if len(tail) == 2:
        return head + "_" + tail[0]
    return head


def split_by_clip(samples, fraction=0.1, seed=42):
    """DatasetSplit.byClip -> boolean 'is validation' per sample."""
    key = [ytf_clip(n) if sub.startswith("ytf") else n for n, sub in samples]
    groups = {}
    for i, k in enumerate(key):
        groups.setdefault(k, []).append(i)
    keys = sorted(groups)           # TreeMap order (ASCII names: same as Java's String order)
    java_shuffle(keys, JavaRandom(seed))
    target = math.ceil(fraction * len(samples))
    val, taken = set(), 0
    for k in keys:
        if taken >= target:
            break
        val.add(k)
        taken += len(groups[k])
    return np.array([k in val for k in key])


# ---- data --------------------------------------------------------------------------------------
def read_pts(path):
    with open(path) as f:
        lines = [l.strip() for l in f]
    i = lines.index("{")
    pts = [list(map(float, l.split()[:2])) for l in lines[i + 1:i + 69]]
    return np.array(pts, np.float64) - 1.0


def load_samples(root):
    out = []   # (name, subset, image path, points[68,2])
    for sub in W300_TRAIN:
        d = os.path.join(root, "300w", sub)
        for f in sorted(x for x in os.listdir(d) if x.endswith(".pts")):
            stem = f[:-4]
            img = next(os.path.join(d, stem + e) for e in IMAGE_EXT if os.path.exists(os.path.join(d, stem + e)))
            out.append((sub + "/" + stem, sub, img, read_pts(os.path.join(d, f))))
    csv = os.path.join(root, "ytf", "train.csv")
    with open(csv) as f:
        next(f)
        for line in f:
            if not line.strip():
                continue
            p = line.strip().split(",")
            out.append((p[0], "ytf/train", os.path.join(root, "ytf", "train", p[0]),
                        np.array(list(map(float, p[1:137])), np.float64).reshape(68, 2)))
    return out


def crop_matrices(cx, cy, side, res):
    """CropTransform.square: forward (source -> crop) and inverse 2x3 matrices."""
    s = res / side
    o = res / 2.0 - 0.5
    fwd = np.array([[s, 0, o - s * cx], [0, s, o - s * cy]])
    inv = np.array([[1 / s, 0, cx - o / s], [0, 1 / s, cy - o / s]])
    return fwd, inv


def precrop(img, pts):
    x0, y0 = pts.min(0)
    x1, y1 = pts.max(0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    side = PACK * max(x1 - x0, y1 - y0)
    fwd, inv = crop_matrices(cx, cy, side, RES)
    k = side / RES
    src = img
    if k > 2.5:     # Cropper.warp's anti-alias rule (whole image rather than the crop's region)
        src = cv2.GaussianBlur(img, (0, 0), 0.25 * k, borderType=cv2.BORDER_REPLICATE)
    out = cv2.warpAffine(src, inv, (RES, RES), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                         borderMode=cv2.BORDER_REPLICATE)
    grey = cv2.cvtColor(out, cv2.COLOR_BGR2GRAY)
    p = pts @ fwd[:, :2].T + fwd[:, 2]
    return grey, p.astype(np.float32), k


def main():
    root, dest = sys.argv[1], sys.argv[2]
    samples = load_samples(root)
    is_val = split_by_clip([(n, s) for n, s, _, _ in samples])
    blobs, pts_all, ks = [], [], []
    for n, sub, path, pts in samples:
        img = cv2.imread(path, cv2.IMREAD_COLOR)
        if img is None:
            raise SystemExit("cannot read " + path)
        grey, p, k = precrop(img, pts)
        ok, enc = cv2.imencode(".jpg", grey, [cv2.IMWRITE_JPEG_QUALITY, QUALITY])
        assert ok
        blobs.append(enc.ravel())
        pts_all.append(p)
        ks.append(k)
    offsets = np.cumsum([0] + [len(b) for b in blobs]).astype(np.int64)
    names = "\n".join(n for n, _, _, _ in samples)
    np.savez(dest, jpeg=np.concatenate(blobs), offsets=offsets, points=np.stack(pts_all),
             is_val=is_val, is_ytf=np.array([s.startswith("ytf") for _, s, _, _ in samples]),
             names=np.frombuffer(names.encode(), np.uint8), res=np.int32(RES), pack=np.float32(PACK))
    print(f"{len(samples)} faces ({is_val.sum()} validation), {RES}px grey, pack {PACK}, "
          f"JPEG q{QUALITY}: {os.path.getsize(dest) / 2**20:.1f} MiB; "
          f"source px per stored px: median {np.median(ks):.2f}, max {np.max(ks):.2f}")


if __name__ == "__main__":
    main()
