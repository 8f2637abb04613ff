/**
 * The whole loopback rig in one call: a local EDR chain with the rig's market deployed at the price of a real
 * kline, served over JSON-RPC on 127.0.0.1, and the loopback exchange replaying the kline file from that kline.
 * `close()` stops both servers. Tests and `serveLoopback.ts` (the by-hand 60 s check) use it.
 */
import { join } from 'node:path';
import { startLocalChain, type LocalChain } from '../../evm/localChain.ts';
import { readKlines, type Kline } from '../../market/files/readKlines.ts';
import { deployLiveRig, type LiveRig } from './deployLiveRig.ts';
import { startExchangeServer, type ExchangeServer } from './exchangeServer.ts';
import { startRpcNode, type RpcNode } from './rpcNode.ts';

/** Real Binance ETH/USDT minutes served by the rig's exchange. */
export const LOOPBACK_KLINE_FILE = 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json';
/** Hardhat's first default account (the FlashArb owner in the rig): a public test key, never a real one. */
export const HARDHAT_KEY_0 = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
export const OANDA_TEST_TOKEN = 'loopback-oanda-token';

export interface Loopback {
  chain: LocalChain;
  rig: LiveRig;
  node: RpcNode;
  exchange: ExchangeServer;
  klines: Kline[];
  close(): Promise<void>;
}

export interface StartLoopbackOptions {
  dataDir: string;
  startIndex?: number;
  /** Wall ms per served kline (default 60,000). */
  minuteMs?: number;
  /** Chain id of the local chain (default 31337). */
  chainId?: number;
}

export async function startLoopback(o: StartLoopbackOptions): Promise<Loopback> {
  const klines = readKlines(join(o.dataDir, LOOPBACK_KLINE_FILE)).rows;
  const startIndex = o.startIndex ?? 600;
  const chain = await startLocalChain({ chainId: o.chainId });
  const rig = await deployLiveRig({ chain, price: klines[startIndex]!.close.toFixed(2) });
  const node = await startRpcNode(chain.provider);
  const exchange = await startExchangeServer({
    klines,
    startIndex,
    minuteMs: o.minuteMs,
    oandaToken: OANDA_TEST_TOKEN,
  });
  return {
    chain,
    rig,
    node,
    exchange,
    klines,
    close: async () => {
      await Promise.allSettled([node.close(), exchange.close()]);
    },
  };
}
