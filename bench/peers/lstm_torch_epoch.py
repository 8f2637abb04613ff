#!/usr/bin/env python3
"""Peer for `arbml bench lstm`: one training epoch of the seed's LSTM shape in PyTorch on CPU.

Input 10 features, hidden 64, 2 layers, linear head on the last step; batch 64, sequence 100, 5,000 sequences
(random normal inputs and targets, fixed seed), Adam lr 1e-3, MSE loss, gradient clipping at norm 1.
Prints one JSON object: {"torch": version, "threads": n, "epoch_s": seconds, "forecast_ms": one-sequence forward}.
Usage: lstm_torch_epoch.py [threads] [sequences]
"""
import json
import sys
import time

import torch

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
count = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
torch.set_num_threads(threads)
torch.manual_seed(0)
T, F, H, B = 100, 10, 64, 64


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(F, H, 2, batch_first=True)
        self.head = torch.nn.Linear(H, 1)

    def forward(self, x):
        return self.head(self.lstm(x)[0][:, -1])


x = torch.randn(count, T, F)
y = torch.randn(count, 1)
net = Net()
opt = torch.optim.Adam(net.parameters(), lr=1e-3)


def epoch():
    perm = torch.randperm(count)
    for s in range(0, count, B):
        idx = perm[s:s + B]
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(net(x[idx]), y[idx])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()


epoch_times = []
for _ in range(2):
    t0 = time.perf_counter()
    epoch()
    epoch_times.append(time.perf_counter() - t0)
with torch.no_grad():
    one = x[:1]
    for _ in range(20):
        net(one)
    t0 = time.perf_counter()
    for _ in range(200):
        net(one)
    forecast_ms = (time.perf_counter() - t0) / 200 * 1000
print(json.dumps({"torch": torch.__version__, "threads": threads, "epoch_s": min(epoch_times), "forecast_ms": forecast_ms}))
