/**
 * Committed market-model defaults, derived from the real data in ARBML_DATA_DIR by `arbml calibrate` (see
 * CALIBRATION.md for each figure's source and the tolerance it is checked with). Polygon gas and the pool sizes
 * other than the Polygon V3 pool have no real series here: they are stated assumptions, listed in CALIBRATION.md.
 */
import type { GasParams, MarketParams } from './params.ts';

const ethereumGas: GasParams = {
  blockTimeSeconds: 12,
  gasLimit: 30_000_000,
  demandMedianGwei: 92,
  demandLogStd: 0.375,
  demandPersistence5m: 0.99,
  demandFastStd: 0.14,
  demandFastPersistence5m: 0.5,
  dailyAmplitude: 0.25,
  dailyPeakHour: 18.5,
  burstProbability5m: 0.005,
  burstMeanLog: 0.147,
  utilisationFeedback: 0.375,
  utilisationBias: 0,
  utilisationNoise: 0.255,
  minTipGwei: 1,
  tipMedianGwei: 10,
  tipLogStd: 0.55,
  tipPersistence: 0.995,
  nativePerEth: 1,
};

export const DEFAULT_MARKET_PARAMS: MarketParams = {
  version: 1,
  cex: {
    sigma: 0.000981287377,
    logVolStd: 0.361414108,
    logVolPersistence: 0.99551547,
    jumpProbability: 0.00462974,
    jumpStd: 0.0063419,
    startPrice: 4_300,
  },
  gas: {
    ethereum: ethereumGas,
    polygon: {
      ...ethereumGas,
      blockTimeSeconds: 2,
      demandMedianGwei: 40,
      minTipGwei: 30,
      tipMedianGwei: 15,
      nativePerEth: 2_000,
    },
    // Arbitrum One (not run by the market yet, see src/market/universe): 0.25 s blocks, a 0.01 gwei floor base fee,
    // no tips to speak of (first come, first served); the L1 data cost is priced by src/dex/gas/l1DataFee.ts.
    arbitrum: {
      ...ethereumGas,
      blockTimeSeconds: 0.25,
      gasLimit: 32_000_000,
      demandMedianGwei: 0.01,
      minTipGwei: 0,
      tipMedianGwei: 0.001,
      nativePerEth: 1,
    },
  },
  flows: {
    zeroProbability: 0.3,
    usdQuantiles: [
      0.09539, 30.0, 107.9, 236.5, 464.0, 816.0, 1296.0, 1999.0, 3051.0, 4569.0, 6637.0, 9384.0, 12400.0, 15820.0,
      19480.0, 23840.0, 29490.0, 37680.0, 50710.0, 75980.0, 297200.0,
    ],
    noiseShare: 0.4,
    referenceDepthUsd: 28_086_000,
    depthExponent: 0.5,
    swapsPerMinute: { ethereum: 8, polygon: 16, arbitrum: 16 },
    informedShare: 0.3,
    informedProbability: 0.2,
    activityLogStd: 1.3,
  },
  liquidity: { logStd: 0.3, persistence: 0.997 },
  competitors: {
    latencyBlocks: {
      ethereum: [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4, 5, 6, 9, 13,
        21, 40, 70,
      ],
      polygon: [
        0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 4, 7,
        12, 21, 50,
      ],
      // arbitrum-arb-opportunities-2023: same block 6.9%, next 61.8%, two 13.6%, the rest later (40 draws).
      arbitrum: [
        0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4, 5,
        7, 12, 30,
      ],
    },
    searchersPerEdge: { ethereum: 3, polygon: 3, arbitrum: 3 },
    bidShareQuantiles: {
      ethereum: [0.003, 0.04, 0.2, 0.55, 0.85, 0.97, 1.0],
      polygon: [0.05, 0.3, 0.5, 0.65, 0.8, 0.9, 0.97],
      // First come, first served: a bid buys nothing; kept for the type until Arbitrum is simulated.
      arbitrum: [0, 0, 0, 0, 0, 0, 0],
    },
    orderingRule: { ethereum: 'builder-auction', polygon: 'priority-gas-auction', arbitrum: 'first-come' },
    gasUnits: 150_000,
  },
  pools: {
    ethereum: [
      { dex: 'uniswap-v3', kind: 'v3', fee: 500, size: 380e6 },
      { dex: 'uniswap-v2', kind: 'v2', fee: 30, size: 80e6 },
      { dex: 'sushiswap', kind: 'v2', fee: 30, size: 60e6 },
      { dex: 'uniswap-v3', kind: 'v3', fee: 3000, size: 95e6 },
    ],
    polygon: [
      { dex: 'uniswap-v3', kind: 'v3', fee: 500, size: 28.09e6 },
      { dex: 'quickswap', kind: 'v2', fee: 30, size: 8e6 },
      { dex: 'sushiswap', kind: 'v2', fee: 30, size: 4e6 },
    ],
    arbitrum: [
      { dex: 'uniswap-v3', kind: 'v3', fee: 500, size: 60e6 },
      { dex: 'camelot', kind: 'v2', fee: 30, size: 6e6 },
      { dex: 'sushiswap', kind: 'v2', fee: 30, size: 4e6 },
    ],
  },
};
