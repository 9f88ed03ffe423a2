"""PyTorch side of the SupCAM speed and memory benchmarks.

Mirrors io.github.supcam.benchmark.TrainingStepBenchmark: the same modes, arguments and RESULT line. The model is
torchvision's resnet with conv1 replaced by a 1-channel convolution and a 4-class head, trained with
torch.optim.SGD (momentum 0.9, weight decay 1e-4) and CrossEntropyLoss(label_smoothing=0.1), batch from a fixed
seed. Usage:
    python torch_bench.py train|infer BACKBONE SIZE BATCH WARMUP STEPS
    python torch_bench.py soak BACKBONE SIZE BATCH STEPS EVERY
    python torch_bench.py profile BACKBONE SIZE BATCH WARMUP STEPS [--trace FILE]  (chrome trace for bench/ops.py)
Threads: --threads N (torch.set_num_threads), default 2.
"""
import argparse
import statistics
import time

import torch

# The torchvision wheel available offline is a CUDA build whose C++ operators do not load into the CPU torch;
# its model definitions are plain Python and need none of them, so skip registering their fake kernels.
torch.library.register_fake = lambda *a, **k: (lambda f: f)
import torchvision  # noqa: E402
from torchvision.models import resnet  # noqa: E402

CLASSES = 4


def model(backbone):
    if backbone.startswith("resnet18-narrow"):
        # torchvision has no width knob for BasicBlock: NarrowResNet18 builds the stages with a narrower base
        net = NarrowResNet18(int(backbone.rsplit("-", 1)[1]) if backbone.count("-") == 2 else 16)
    else:
        net = getattr(resnet, backbone)(num_classes=CLASSES)
        net.conv1 = torch.nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
        torch.nn.init.kaiming_normal_(net.conv1.weight, mode="fan_out", nonlinearity="relu")
    return net


class NarrowResNet18(resnet.ResNet):
    """torchvision's ResNet-18 with base width `width` instead of 64 (our resnet18-narrow-WIDTH), 1 channel."""

    def __init__(self, width):
        torch.nn.Module.__init__(self)
        self._norm_layer = torch.nn.BatchNorm2d
        self.inplanes = width
        self.dilation = 1
        self.groups = 1
        self.base_width = 64
        self.conv1 = torch.nn.Conv2d(1, width, kernel_size=7, stride=2, padding=3, bias=False)
        self.bn1 = torch.nn.BatchNorm2d(width)
        self.relu = torch.nn.ReLU(inplace=True)
        self.maxpool = torch.nn.MaxPool2d(kernel_size=3, stride=2, padding=1)
        self.layer1 = self._make_layer(resnet.BasicBlock, width, 2)
        self.layer2 = self._make_layer(resnet.BasicBlock, width * 2, 2, stride=2)
        self.layer3 = self._make_layer(resnet.BasicBlock, width * 4, 2, stride=2)
        self.layer4 = self._make_layer(resnet.BasicBlock, width * 8, 2, stride=2)
        self.avgpool = torch.nn.AdaptiveAvgPool2d((1, 1))
        self.fc = torch.nn.Linear(width * 8, CLASSES)


def memory():
    rss = hwm = 0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    return "rss_mib=%.1f peak_rss_mib=%.1f" % (rss / 1024, hwm / 1024)


def fmt(v):
    return "%.1f" % v


def times(t, what):
    return "%s_ms=%s min_ms=%s n=%d all_ms=%s" % (what, fmt(statistics.median(t)), fmt(min(t)), len(t),
                                                   ",".join(fmt(v) for v in t))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["train", "infer", "soak", "profile"])
    p.add_argument("backbone")
    p.add_argument("size", type=int)
    p.add_argument("batch", type=int)
    p.add_argument("first", type=int)
    p.add_argument("second", type=int)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--trace", default="torch-trace.json")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    net = model(a.backbone)
    opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
    loss_fn = torch.nn.CrossEntropyLoss(label_smoothing=0.1)
    g = torch.Generator().manual_seed(42)
    x = torch.randn(a.batch, 1, a.size, a.size, generator=g).numpy()
    y = torch.randint(0, CLASSES, (a.batch,), generator=g)
    prefix = "RESULT side=torch mode=%s backbone=%s size=%d batch=%d threads=%d torch=%s torchvision=%s init_%s" % (
        a.mode, a.backbone, a.size, a.batch, torch.get_num_threads(), torch.__version__, torchvision.__version__,
        memory().split()[0])

    def train_step():
        t0 = time.perf_counter()
        net.train()
        logits = net(torch.from_numpy(x))
        loss = loss_fn(logits, y)
        if not torch.isfinite(torch.tensor(loss.item())):
            raise RuntimeError("Loss is not finite")
        t1 = time.perf_counter()
        opt.zero_grad()
        loss.backward()
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        return [(t3 - t0) * 1e3, (t1 - t0) * 1e3, (t2 - t1) * 1e3, (t3 - t2) * 1e3]

    if a.mode == "train":
        t = [train_step() for _ in range(a.first + a.second)][a.first:]
        cols = list(zip(*t))
        print(prefix, times(cols[0], "step"), "forward_ms=" + fmt(statistics.median(cols[1])),
              "backward_ms=" + fmt(statistics.median(cols[2])), "optimizer_ms=" + fmt(statistics.median(cols[3])),
              memory(), flush=True)
    elif a.mode == "infer":
        net.eval()
        t = []
        with torch.no_grad():
            for i in range(a.first + a.second):
                t0 = time.perf_counter()
                p = torch.softmax(net(torch.from_numpy(x)), 1).numpy()
                assert p.shape == (a.batch, CLASSES)
                if i >= a.first:
                    t.append((time.perf_counter() - t0) * 1e3)
        print(prefix, times(t, "batch"), "clusters_per_s=" + fmt(a.batch * 1000 / statistics.median(t)), memory(),
              flush=True)
    elif a.mode == "profile":
        for _ in range(a.first):
            train_step()
        with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU], record_shapes=True) as prof:
            for _ in range(a.second):
                train_step()
        prof.export_chrome_trace(a.trace)
        print(prefix, "profiled_steps=%d" % a.second, flush=True)
    else:
        t = []
        for i in range(a.first):
            t.append(train_step()[0])
            if (i + 1) % a.second == 0:
                print(prefix, "step=%d" % (i + 1), memory(), "step_ms=" + fmt(statistics.median(t[-a.second:])),
                      flush=True)


if __name__ == "__main__":
    main()
