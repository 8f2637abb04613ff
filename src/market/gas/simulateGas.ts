/**
 * Block-level EIP-1559 gas: a demand level (slow and fast log AR(1) parts, a daily cycle and bursts) sets how full blocks are
 * against the 50% target (utilisation = 0.5 + bias + feedback * (log demand - log base fee) + per-block noise,
 * clipped to [0, 1]); the base fee then follows the exact update rule (nextBaseFee, at most 12.5% per block).
 * The typical tip is a log-normal AR(1) per block. Streams come from the rng given (rngFor(seed,'market/gas/<chain>')).
 */
import type { Rng } from '../../core/random.ts';
import { nextBaseFee } from '../../dex/gas/nextBaseFee.ts';
import type { GasParams } from '../params.ts';
import { GWEI, gweiToWei, type GasBlock, type GasSource } from './gasBlock.ts';

const FIVE_MIN_S = 300;

export function simulateGas({ rng, params }: { rng: Rng; params: GasParams }): GasSource {
  const perBin = FIVE_MIN_S / params.blockTimeSeconds;
  const phi = params.demandPersistence5m ** (1 / perBin);
  const demandInnovation = params.demandLogStd * Math.sqrt(1 - phi * phi);
  const fastPhi = params.demandFastPersistence5m ** (1 / perBin);
  const fastInnovation = params.demandFastStd * Math.sqrt(1 - fastPhi * fastPhi);
  const burstPerBlock = params.burstProbability5m / perBin;
  const tipPhi = params.tipPersistence;
  const tipInnovation = params.tipLogStd * Math.sqrt(1 - tipPhi * tipPhi);
  const logDemandMedian = Math.log(params.demandMedianGwei);
  const gasLimit = BigInt(Math.round(params.gasLimit));
  const minTip = gweiToWei(params.minTipGwei);
  let demand = params.demandLogStd * rng.normal();
  let fast = 0;
  let tip = params.tipLogStd * rng.normal();
  let baseFee = gweiToWei(params.demandMedianGwei);
  return {
    next(timeMs: number): GasBlock {
      demand = phi * demand + demandInnovation * rng.normal();
      fast = fastPhi * fast + fastInnovation * rng.normal();
      if (rng.next() < burstPerBlock) demand += -params.burstMeanLog * Math.log(1 - rng.next());
      tip = tipPhi * tip + tipInnovation * rng.normal();
      const hour = (timeMs / 3_600_000) % 24;
      const cycle = params.dailyAmplitude * Math.cos((2 * Math.PI * (hour - params.dailyPeakHour)) / 24);
      const gap = logDemandMedian + demand + fast + cycle - Math.log(Number(baseFee) / GWEI);
      let u = 0.5 + params.utilisationBias + params.utilisationFeedback * gap + params.utilisationNoise * rng.normal();
      u = u < 0 ? 0 : u > 1 ? 1 : u;
      const block: GasBlock = {
        baseFeeWei: baseFee,
        priorityFeeWei: minTip + gweiToWei(params.tipMedianGwei * Math.exp(tip)),
        minPriorityFeeWei: minTip,
        utilisation: u,
      };
      const gasUsed = BigInt(Math.round(u * params.gasLimit));
      baseFee = nextBaseFee({ baseFeePerGas: baseFee, gasUsed, gasLimit });
      return block;
    },
  };
}
