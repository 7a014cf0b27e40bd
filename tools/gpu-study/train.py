#!/usr/bin/env python3
"""GPU compute-ceiling study: the Java trainer's UNet-small recipe in PyTorch (docs/GPU_STUDY.md).

Same architecture as trainer/.../model/UNet.java (variant small: base 16, two convs a level, top
kernels 7-5 down and 7-3-5 up without activations, LeakyReLU 0.01, 2x2 max pool, up-conv = 1x1 conv
to 4C + depth-to-space CRD, 1x1 conv to 68 maps, softmax over each map's 128x128 pixels, soft-argmax),
same loss (L1 on coordinates / 128), AdamW lr 1e-3 wd 1e-4, batch 16 (last partial batch dropped),
linear warm-up over the first epoch then cosine to 0.01 x lr (LearningRateSchedule.java), and the
same augmentation parameters (AugmentConfig.DEFAULT, CropSampler, Photometric, BoxPolicy.DEFAULT),
done on the GPU with grid_sample from the packed pre-crops (pack.py). Validation: the test crop of
the ground-truth box on the held-out 10% (the Java trainer's split), inter-ocular NME in the crop.

Usage: python3 train.py --data .gpustudy/train.npz --epochs 60 --out DIR [--budget-s 360]
       --epochs 0 = as many as fit in --budget-s (decided after the first epoch; cosine over that).
Writes DIR/log.jsonl (one line per epoch) and DIR/model.onnx (best val NME, exported at the end and
every --export-every-s seconds), with the reference model's facemark.* metadata.
"""
import argparse
import json
import math
import os
import sys
import time

import cv2
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

T0 = time.time()
IN = 128
P = 68
# BoxPolicy.DEFAULT
BOX_SCALE, BOX_SHIFT_Y, ENL_MIN, ENL_MAX, TEST_ENL = 1.15, -0.05, 0.0, 0.2, 0.1
# AugmentConfig.DEFAULT
ROT, SHIFT, SCALE, SHEAR, MIRROR, JITTER = math.radians(20), 0.06, 0.10, 0.12, 0.5, 0.04
BRIGHT, CONTRAST, GAMMA, BLUR, NOISE = 0.15, 0.3, 0.3, 0.2, 0.03


def ibug_mirror():
    m = [0] * 68
    for i in range(17): m[i] = 16 - i
    for i in range(17, 27): m[i] = 43 - i
    for i in range(27, 31): m[i] = i
    for i in range(31, 36): m[i] = 66 - i
    for a, b in [(36, 45), (37, 44), (38, 43), (39, 42), (40, 47), (41, 46)]: m[a], m[b] = b, a
    for i in range(48, 55): m[i] = 102 - i
    for a, b in [(55, 59), (56, 58), (57, 57)]: m[a], m[b] = b, a
    for i in range(60, 65): m[i] = 124 - i
    for a, b in [(65, 67), (66, 66)]: m[a], m[b] = b, a
    return m


# ---- model ---------------------------------------------------------------------------------------
TOP_DOWN, TOP_UP = [7, 5, 3, 3], [7, 3, 5, 3, 5]


class Level(nn.Module):
    def __init__(self, d, cin, widths, convs):
        super().__init__()
        w = widths[d]
        down = []
        for i in range(convs):
            k = TOP_DOWN[i] if d == 0 else 3
            down += [nn.Conv2d(cin if i == 0 else w, w, k, padding=k // 2), nn.LeakyReLU(0.01)]
        self.down = nn.Sequential(*down)
        self.bottom = d == len(widths) - 1
        if self.bottom:
            return
        self.inner = nn.Sequential(nn.MaxPool2d(2, 2), Level(d + 1, w, widths, convs),
                                   nn.Conv2d(widths[d + 1], 4 * w, 1), nn.PixelShuffle(2))
        up = []
        for i in range(convs + 1 if d == 0 else convs):
            k = TOP_UP[i] if d == 0 else 3
            up.append(nn.Conv2d(2 * w if i == 0 else w, w, k, padding=k // 2))
            if d != 0:
                up.append(nn.LeakyReLU(0.01))
        self.up = nn.Sequential(*up)

    def forward(self, x):
        x = self.down(x)
        if self.bottom:
            return x
        return self.up(torch.cat([x, self.inner(x)], 1))


class UNetSmall(nn.Module):
    def __init__(self, base=16, convs=2):
        super().__init__()
        widths = [base, 2 * base, 4 * base, 8 * base]
        self.body = nn.Sequential(Level(0, 1, widths, convs), nn.Conv2d(widths[0], P, 1))
        ys, xs = torch.meshgrid(torch.arange(IN, dtype=torch.float32), torch.arange(IN, dtype=torch.float32), indexing="ij")
        self.register_buffer("grid", torch.stack([xs.reshape(-1), ys.reshape(-1)], 1))   # heatmap = input size: centre j -> j

    def forward(self, x):
        logits = self.body(x)
        n = logits.shape[0]
        prob = torch.softmax(logits.reshape(n, P, IN * IN), dim=2)
        landmarks = torch.matmul(prob, self.grid)
        return landmarks, prob.reshape(n, P, IN, IN)


def djl_init(model):
    """DJL's default initialisation: weights U(+-sqrt(6 / ((fan_in + fan_out) / 2))), biases 0."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.Conv2d):
                hw = m.kernel_size[0] * m.kernel_size[1]
                bound = math.sqrt(6.0 / ((m.in_channels * hw + m.out_channels * hw) / 2))
                m.weight.uniform_(-bound, bound)
                m.bias.zero_()


def conv_modules_in_graph_order(model):
    """Conv2d modules in the order the Java exporter writes their initializers (= forward order)."""
    order = []
    hooks = [m.register_forward_pre_hook(lambda m, i: order.append(m)) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model(torch.zeros(1, 1, IN, IN, device=next(model.parameters()).device))
    for h in hooks: h.remove()
    return order


# ---- data + augmentation on the device ----------------------------------------------------------
def load_pack(path, device):
    z = np.load(path)
    jpeg, off = z["jpeg"], z["offsets"]
    res = int(z["res"])
    imgs = np.stack([cv2.imdecode(jpeg[off[i]:off[i + 1]], cv2.IMREAD_GRAYSCALE) for i in range(len(off) - 1)])
    assert imgs.shape[1:] == (res, res), imgs.shape
    t = torch.from_numpy(imgs).to(device).float().unsqueeze(1)
    pts = torch.from_numpy(z["points"]).to(device).float()
    return t, pts, torch.from_numpy(z["is_val"]).to(device), res


def u(n, g, m, device):
    return (torch.rand(n, generator=g, device=device) * 2 - 1) * m


def crops(pts, g, train):
    """CropSampler.trainCrop / testCrop + BoxPolicy.crop (+ withShear): forward 2x3 matrices [B,2,3]."""
    n, dev = pts.shape[0], pts.device
    mn, mx = pts.min(1).values, pts.max(1).values
    w, h = mx[:, 0] - mn[:, 0], mx[:, 1] - mn[:, 1]
    cx, cy = mn[:, 0] + w / 2, mn[:, 1] + h / 2
    if train:
        size = torch.maximum(w, h)
        jit = (torch.rand(n, generator=g, device=dev) < 0.5).float()
        gs = torch.randn(3, n, generator=g, device=dev) * jit
        cx = cx + gs[0] * JITTER * size
        cy = cy + gs[1] * JITTER * size
        s = torch.exp(gs[2] * JITTER)
        w, h = w * s, h * s
        cx = cx + u(n, g, SHIFT, dev) * size
        cy = cy + u(n, g, SHIFT, dev) * size
        sc = torch.exp(u(n, g, SCALE, dev))
        w, h = w * sc, h * sc
        enlarge = ENL_MIN + torch.rand(n, generator=g, device=dev) * (ENL_MAX - ENL_MIN)
        angle = u(n, g, ROT, dev)
        shear = u(n, g, SHEAR, dev)
    else:
        enlarge = torch.full_like(w, TEST_ENL)
        angle = torch.zeros_like(w)
        shear = torch.zeros_like(w)
    side = BOX_SCALE * torch.maximum(w, h) * (1 + enlarge)
    side = torch.clamp(side, min=1.0)
    ccy = cy + BOX_SHIFT_Y * h
    sx = IN / side
    cos, sin = torch.cos(angle), torch.sin(angle)
    o = IN / 2 - 0.5
    a, b = sx * cos, sx * sin
    c = o - a * cx - b * ccy
    d, e = -sx * sin, sx * cos
    f = o - d * cx - e * ccy
    a, b, c = a + shear * d, b + shear * e, c + shear * (f - o)
    return torch.stack([torch.stack([a, b, c], 1), torch.stack([d, e, f], 1)], 1)


def render(imgs, pts, fwd, res):
    """Warps [B,1,R,R] pre-crops into [B,1,128,128] 8-bit-valued crops through forward matrices; points too."""
    a, b, c = fwd[:, 0, 0], fwd[:, 0, 1], fwd[:, 0, 2]
    d, e, f = fwd[:, 1, 0], fwd[:, 1, 1], fwd[:, 1, 2]
    det = a * e - b * d
    ia, ib, id_, ie = e / det, -b / det, -d / det, a / det
    ic, if_ = -(ia * c + ib * f), -(id_ * c + ie * f)
    inv = torch.stack([torch.stack([ia, ib, ic], 1), torch.stack([id_, ie, if_], 1)], 1)    # [B,2,3] input px -> source px
    r = torch.arange(IN, device=imgs.device, dtype=torch.float32)
    vv, uu = torch.meshgrid(r, r, indexing="ij")
    q = torch.stack([uu, vv, torch.ones_like(uu)], -1).reshape(1, IN * IN, 3)
    src = torch.matmul(q, inv.transpose(1, 2))                                              # [B,HW,2] source px
    grid = ((2 * src + 1) / res - 1).reshape(-1, IN, IN, 2)                                  # align_corners=False
    out = F.grid_sample(imgs, grid, mode="bilinear", padding_mode="border", align_corners=False)
    out = out.round().clamp(0, 255)                                                          # Cropper's 8-bit warp
    tp = torch.matmul(pts, fwd[:, :, :2].transpose(1, 2)) + fwd[:, :, 2].unsqueeze(1)
    return out, tp


def gaussian_kernels(sigma, radius=6):
    x = torch.arange(-radius, radius + 1, device=sigma.device, dtype=torch.float32)
    k = torch.exp(-0.5 * (x[None] / sigma[:, None]) ** 2)
    return k / k.sum(1, keepdim=True)


def photometric(x, g):
    """Photometric.apply on [B,1,H,W] 0-255 values -> normalised (v/255 - 0.5) / 0.5."""
    n, dev = x.shape[0], x.device
    bright = u(n, g, BRIGHT, dev).view(n, 1, 1, 1)
    contrast = (1 + u(n, g, CONTRAST, dev)).view(n, 1, 1, 1)
    gamma = torch.exp(u(n, g, GAMMA, dev)).view(n, 1, 1, 1)
    blur = torch.rand(n, generator=g, device=dev) < BLUR
    sigma = 0.3 + torch.rand(n, generator=g, device=dev) * 1.2
    noise = (torch.rand(n, generator=g, device=dev) * NOISE).view(n, 1, 1, 1)
    v = (x / 255).clamp(min=0) ** gamma
    mean = v.mean((2, 3), keepdim=True)
    v = (v - mean) * contrast + mean + bright
    k = gaussian_kernels(sigma)
    k = torch.where(blur[:, None], k, F.one_hot(torch.tensor(6, device=dev), 13).float()[None])
    r = k.shape[1] // 2
    y = v.reshape(1, n, IN, IN)
    y = F.conv2d(F.pad(y, (r, r, 0, 0), mode="replicate"), k.view(n, 1, 1, -1), groups=n)
    y = F.conv2d(F.pad(y, (0, 0, r, r), mode="replicate"), k.view(n, 1, -1, 1), groups=n)
    v = y.reshape(n, 1, IN, IN)
    v = v + torch.randn(v.shape, generator=g, device=dev) * noise
    return (v.clamp(0, 1) - 0.5) / 0.5


def batch(imgs, pts, idx, res, g, train, mirror_perm):
    fwd = crops(pts[idx], g, train)
    x, t = render(imgs[idx], pts[idx], fwd, res)
    if not train:
        return (x / 255 - 0.5) / 0.5, t
    m = torch.rand(len(idx), generator=g, device=x.device) < MIRROR
    xm = torch.flip(x, dims=[3])
    tm = t[:, mirror_perm].clone()
    tm[..., 0] = (IN - 1) - tm[..., 0]
    x = torch.where(m.view(-1, 1, 1, 1), xm, x)
    t = torch.where(m.view(-1, 1, 1), tm, t)
    return photometric(x, g), t


# ---- export ---------------------------------------------------------------------------------------
def export(model, path, ref_path, extra_meta):
    import onnx
    ref = onnx.load(ref_path)
    model = model.eval()
    dummy = torch.zeros(2, 1, IN, IN, device=next(model.parameters()).device)
    how = "torch.onnx.export"
    try:
        kw = dict(input_names=["input"], output_names=["landmarks", "heatmaps"], opset_version=17,
                  dynamic_axes={"input": {0: "N"}, "landmarks": {0: "N"}, "heatmaps": {0: "N"}})
        try:
            torch.onnx.export(model, dummy, path, dynamo=False, **kw)
        except TypeError:
            torch.onnx.export(model, dummy, path, **kw)
        m = onnx.load(path)
    except Exception as ex:   # fallback: the reference graph with our weights (same layer order)
        print("torch.onnx.export failed (%s); substituting weights into the reference graph" % ex, flush=True)
        how = "reference graph + weights"
        m = ref
        inits = [i for i in m.graph.initializer if i.name.startswith("conv_")]
        params = []
        for conv in conv_modules_in_graph_order(model):
            params += [conv.weight, conv.bias]
        assert len(inits) == len(params)
        for i, p in zip(inits, params):
            arr = p.detach().float().cpu().numpy()
            assert list(i.dims) == list(arr.shape), (i.name, i.dims, arr.shape)
            i.CopyFrom(onnx.numpy_helper.from_array(arr, i.name))
    del m.metadata_props[:]
    meta = {p.key: p.value for p in ref.metadata_props}
    meta.update(extra_meta)
    for k2, v2 in meta.items():
        e = m.metadata_props.add(); e.key = k2; e.value = str(v2)
    m.producer_name = "facemark-gpu-study"
    onnx.checker.check_model(m)
    onnx.save(m, path)
    model.train()
    return how


def check_onnx(model, path, x):
    """onnxruntime (CPU) vs torch on a batch of validation crops; max |difference| of landmarks, px."""
    try:
        import onnxruntime as ort
    except ImportError:
        return None
    s = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    lm, hm = s.run(["landmarks", "heatmaps"], {"input": x.cpu().numpy()})
    model.eval()
    with torch.no_grad():
        tl, th = model(x)
    model.train()
    assert lm.shape == (x.shape[0], P, 2) and hm.shape == (x.shape[0], P, IN, IN), (lm.shape, hm.shape)
    return float(np.abs(lm - tl.cpu().numpy()).max())


# ---- training -------------------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--ref", default=".gpustudy/reference.onnx")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=60, help="0 = as many as fit in --budget-s")
    ap.add_argument("--max-epochs", type=int, default=400)
    ap.add_argument("--decide-after", type=int, default=3, help="epochs timed before an adaptive schedule is fixed")
    ap.add_argument("--budget-s", type=float, default=360, help="training wall-clock budget from process start")
    ap.add_argument("--export-every-s", type=float, default=120)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--wd", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--max-steps", type=int, default=0, help="smoke test: steps per epoch")
    ap.add_argument("--name", default="gpu-study")
    ap.add_argument("--init", default="torch", choices=["torch", "djl"],
                    help="djl = DJL's default: XavierInitializer(UNIFORM, AVG, 6) weights, zero biases")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.backends.cudnn.benchmark = True
    torch.backends.cuda.matmul.allow_tf32 = False   # keep fp32 matmuls (soft-argmax) exact
    torch.backends.cudnn.allow_tf32 = True          # TF32 convolutions (PyTorch's default)
    torch.manual_seed(a.seed)
    torch.set_num_threads(2)
    g = torch.Generator(device=dev); g.manual_seed(a.seed)
    imgs, pts, is_val, res = load_pack(a.data, dev)
    tr_idx, va_idx = torch.nonzero(~is_val).squeeze(1), torch.nonzero(is_val).squeeze(1)
    mirror_perm = torch.tensor(ibug_mirror(), device=dev)
    # the fixed validation crops, normalised, and the inter-ocular distances in the crop
    vx, vt = batch(imgs, pts, va_idx, res, g, False, mirror_perm)
    vio = (vt[:, 36] - vt[:, 45]).norm(dim=1)
    model = UNetSmall()
    if a.init == "djl":
        djl_init(model)
    model = model.to(dev)
    nparams = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, weight_decay=a.wd, fused=dev.type == "cuda")
    steps_per_epoch = len(tr_idx) // a.batch
    if a.max_steps: steps_per_epoch = min(steps_per_epoch, a.max_steps)
    warm = steps_per_epoch
    epochs = a.epochs if a.epochs > 0 else None
    log = open(os.path.join(a.out, "log.jsonl"), "a")
    info = dict(event="start", name=a.name, init=a.init, device=torch.cuda.get_device_name() if dev.type == "cuda" else "cpu",
                torch=torch.__version__, params=nparams, train=len(tr_idx), val=len(va_idx), res=res,
                steps_per_epoch=steps_per_epoch, epochs=epochs, t=round(time.time() - T0, 1))
    print(json.dumps(info), flush=True); log.write(json.dumps(info) + "\n"); log.flush()
    best, best_state, best_epoch, last_export, step, epoch = 1e9, None, 0, time.time(), 0, 0
    train_start = time.time()

    def lr_at(s, total):
        if s < warm: return a.lr * (s + 1) / warm
        p = min(1.0, (s - warm) / max(1, total - warm))
        return a.lr * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * p)))

    def do_export(tag):
        if best_state is None: return
        cur = {k: v.clone() for k, v in model.state_dict().items()}
        model.load_state_dict(best_state)
        meta = {"facemark.provenance.run": a.name, "facemark.provenance.best_epoch": best_epoch,
                "facemark.provenance.epochs": epoch, "facemark.provenance.val_nme_inter_ocular": "%.5f" % best,
                "facemark.provenance.trainer": "tools/gpu-study/train.py (PyTorch %s, %s): study only, not a product model"
                % (torch.__version__, info["device"])}
        path = os.path.join(a.out, "model.onnx")
        how = export(model, path, a.ref, meta)
        diff = check_onnx(model, path, vx[:8])
        model.load_state_dict(cur)
        rec = dict(event="export", tag=tag, how=how, best_epoch=best_epoch, val_nme=best, ort_max_diff_px=diff,
                   t=round(time.time() - T0, 1))
        print(json.dumps(rec), flush=True); log.write(json.dumps(rec) + "\n"); log.flush()

    while True:
        epoch += 1
        t_ep = time.time()
        perm = tr_idx[torch.randperm(len(tr_idx), generator=g, device=dev)]
        loss_sum = torch.zeros((), device=dev)
        t_mid = None
        for i in range(steps_per_epoch):
            if epoch == 1 and i == steps_per_epoch // 4:
                if dev.type == "cuda": torch.cuda.synchronize()
                t_mid = time.time()
            total = (epochs or a.max_epochs) * steps_per_epoch
            for pg in opt.param_groups: pg["lr"] = lr_at(step, total)
            idx = perm[i * a.batch:(i + 1) * a.batch]
            with torch.no_grad():
                x, t = batch(imgs, pts, idx, res, g, True, mirror_perm)
            pred, _ = model(x)
            loss = (pred - t).abs().mean() / IN
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss_sum += loss.detach()
            step += 1
        # validation
        model.eval()
        with torch.no_grad():
            vp = torch.cat([model(vx[j:j + 256])[0] for j in range(0, len(vx), 256)])
            vloss = float((vp - vt).abs().mean() / IN)
            nme = float(((vp - vt).norm(dim=2).mean(1) / vio).mean())
        model.train()
        now = time.time()
        ep_s = now - t_ep
        if epochs is None and (epoch >= a.decide_after or now - T0 > a.budget_s / 3):
            # schedule length from the speed of the latest epoch (epoch 1 is slowed by cuDNN autotuning);
            # until then the cosine is provisional over --max-epochs, still at ~its top
            steady = ep_s
            left = a.budget_s - (now - T0) - 20
            epochs = int(max(epoch + 1, min(a.max_epochs, epoch + left // (steady * 1.05))))
            msg = dict(event="schedule", epochs=epochs, steady_epoch_s=round(steady, 2)); print(json.dumps(msg), flush=True)
            log.write(json.dumps(msg) + "\n")
        improved = nme < best
        if improved:
            best, best_epoch = nme, epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        rec = dict(epoch=epoch, epochs=epochs or a.max_epochs, train_loss=round(float(loss_sum) / steps_per_epoch, 5),
                   val_loss=round(vloss, 5), val_nme=round(nme, 5), best=improved, lr=lr_at(step - 1, (epochs or a.max_epochs) * steps_per_epoch),
                   img_s=round(steps_per_epoch * a.batch / ep_s, 1), epoch_s=round(ep_s, 2), t=round(now - T0, 1))
        print(json.dumps(rec), flush=True); log.write(json.dumps(rec) + "\n"); log.flush()
        if (epochs and epoch >= epochs) or now - T0 > a.budget_s:
            break
        if now - last_export > a.export_every_s:
            do_export("interim"); last_export = time.time()
    do_export("final")
    end = dict(event="end", epochs_done=epoch, scheduled=epochs, best_epoch=best_epoch, best_val_nme=best,
               train_s=round(time.time() - train_start, 1), t=round(time.time() - T0, 1))
    print(json.dumps(end), flush=True); log.write(json.dumps(end) + "\n"); log.close()


if __name__ == "__main__":
    main()
