#!/usr/bin/env python3
"""Training throughput of the SAME network in PyTorch, for comparison with DJL's TrainThroughput.

The network is built from the layer spec the DJL block and the ONNX graph come from (LayerSpecJson), so
both sides train exactly the same layers with the same parameter counts: forward, L1 on the landmarks,
backward, Adam step, on random input, one thread. Usage (see tools/bench/train-throughput.sh):

  java -cp "trainer/target/trainer.jar:trainer/target/lib/*" dev.facemark.trainer.bench.LayerSpecJson fast > fast.json
  python3 tools/bench/torch_throughput.py fast.json --batch 32 --steps 15 [--channels-last] [--fused]
"""
import argparse, json, time
import torch
import torch.nn as nn
import torch.nn.functional as F


class DepthToSpace(nn.Module):
    def __init__(self, r):
        super().__init__()
        self.r = r

    def forward(self, x):
        return F.pixel_shuffle(x, self.r)  # CRD order, as LayerBlock.depthToSpace and ONNX DepthToSpace(CRD)


class Residual(nn.Module):
    def __init__(self, main, shortcut):
        super().__init__()
        self.main, self.shortcut = main, shortcut

    def forward(self, x):
        return self.main(x) + self.shortcut(x)


class Concat(nn.Module):
    def __init__(self, branches):
        super().__init__()
        self.branches = nn.ModuleList(branches)

    def forward(self, x):
        return torch.cat([b(x) for b in self.branches], 1)


class BiasMap(nn.Module):
    def __init__(self, c, h, w):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(c, h, w))

    def forward(self, x):
        return x + self.bias


def build(l):
    k = l["kind"]
    if k == "Conv":
        return nn.Conv2d(l["in"], l["out"], l["kernel"], l["stride"], l["pad"], groups=l["groups"], bias=l["bias"])
    if k == "BatchNorm":
        return nn.BatchNorm2d(l["channels"], eps=l["epsilon"], momentum=0.1)  # DJL's 0.9 running = PyTorch's 0.1
    if k == "Linear":
        return nn.Linear(l["in"], l["out"])
    if k == "BiasMap":
        return BiasMap(l["channels"], l["height"], l["width"])
    if k == "Relu":
        return nn.ReLU()
    if k == "Relu6":
        return nn.ReLU6()
    if k == "LeakyRelu":
        return nn.LeakyReLU(l["alpha"])
    if k == "Identity":
        return nn.Identity()
    if k == "MaxPool":
        return nn.MaxPool2d(l["kernel"], l["stride"], l["pad"])
    if k == "GlobalAvgPool":
        return nn.AdaptiveAvgPool2d(1)
    if k == "Flatten":
        return nn.Flatten()
    if k == "DepthToSpace":
        return DepthToSpace(l["block"])
    if k == "Sequence":
        return nn.Sequential(*[build(p) for p in l["layers"]])
    if k == "Residual":
        return Residual(build(l["main"]), build(l["shortcut"]))
    if k == "Concat":
        return Concat([build(p) for p in l["branches"]])
    raise ValueError("no PyTorch layer for " + k)


class Net(nn.Module):
    def __init__(self, spec):
        super().__init__()
        self.body = build(spec["body"])
        self.head = spec["head"]
        h = self.head
        if h["kind"] == "Heatmaps":
            xs = (torch.arange(h["width"]) + 0.5) * h["inputWidth"] / h["width"] - 0.5
            ys = (torch.arange(h["height"]) + 0.5) * h["inputHeight"] / h["height"] - 0.5
            gy, gx = torch.meshgrid(ys, xs, indexing="ij")
            self.register_buffer("grid", torch.stack([gx.reshape(-1), gy.reshape(-1)], 1))

    def forward(self, x):
        out = self.body(x)
        n, h = out.shape[0], self.head
        p = h["points"]
        if h["kind"] == "Heatmaps":
            prob = out.reshape(n, p, -1).softmax(-1)
            return prob @ self.grid
        scale = torch.tensor([h["scaleX"], h["scaleY"]])
        offset = torch.tensor([h["offsetX"], h["offsetY"]])
        return out.reshape(n, p, 2) * scale + offset


def main():
    a = argparse.ArgumentParser()
    a.add_argument("spec")
    a.add_argument("--batch", type=int, default=32)
    a.add_argument("--steps", type=int, default=15)
    a.add_argument("--channels-last", action="store_true")
    a.add_argument("--fused", action="store_true", help="fused AdamW instead of Adam")
    o = a.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    spec = json.load(open(o.spec))
    net = Net(spec)
    params = sum(p.numel() for p in net.parameters() if p.requires_grad)
    fmt = torch.channels_last if o.channels_last else torch.contiguous_format
    net = net.to(memory_format=fmt)
    opt = torch.optim.AdamW(net.parameters(), 1e-3, fused=True) if o.fused else torch.optim.Adam(net.parameters(), 1e-3)
    shape = (o.batch, spec["channels"], spec["height"], spec["width"])
    p = spec["head"]["points"]
    total = 0.0
    for i in range(o.steps + 1):
        x = torch.randn(shape).contiguous(memory_format=fmt)
        y = torch.rand(o.batch, p, 2) * spec["width"]
        t0 = time.perf_counter()
        loss = (net(x) - y).abs().mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        if i > 0:
            total += time.perf_counter() - t0  # step 0 is warm-up
    mode = ("channels_last" if o.channels_last else "nchw") + (" fused-adamw" if o.fused else " adam")
    print(f"pytorch {torch.__version__} {mode} batch {o.batch}: {o.steps * o.batch / total:.1f} img/s "
          f"({1000 * total / o.steps:.1f} ms/step, {params} params)")


if __name__ == "__main__":
    main()
