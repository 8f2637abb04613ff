/**
 * Stress scenarios of `arbml evaluate`: parameters of the market model (src/market/params.ts), never a rewrite of
 * it. Each scenario gives the market the models train on (the shadow runs) and the market the deciders are
 * evaluated on; they are the same except in `unseen`, where the models train on the default world and meet a
 * harsher one (competitors that act on any profit, twice as fast) they never saw.
 */
import { InvalidInputError } from '../core/errors.ts';
import { DEFAULT_MARKET_PARAMS } from '../market/defaultParams.ts';
import type { CompetitorParams, MarketParams } from '../market/params.ts';

export interface Scenario {
  name: string;
  description: string;
  train: MarketParams;
  evaluate: MarketParams;
}

const P = DEFAULT_MARKET_PARAMS;
const competitors = (c: Partial<CompetitorParams>): MarketParams => ({ ...P, competitors: { ...P.competitors, ...c } });
const halved = (q: readonly number[]): number[] => q.map((b) => Math.floor(b / 2));
const fast: Partial<CompetitorParams> = {
  latencyBlocks: {
    ethereum: halved(P.competitors.latencyBlocks.ethereum),
    polygon: halved(P.competitors.latencyBlocks.polygon),
    arbitrum: halved(P.competitors.latencyBlocks.arbitrum),
  },
};
const cexSigma = (factor: number): MarketParams => ({ ...P, cex: { ...P.cex, sigma: P.cex.sigma * factor } });
const ethGas = (medianGwei: number): MarketParams => ({
  ...P,
  gas: { ...P.gas, ethereum: { ...P.gas.ethereum, demandMedianGwei: medianGwei } },
});
const same = (name: string, description: string, params: MarketParams): Scenario => ({
  name,
  description,
  train: params,
  evaluate: params,
});

export const SCENARIOS: readonly Scenario[] = Object.freeze([
  same('default', 'the calibrated world (2021 gas and CEX statistics, 3 searchers race each edge on average)', P),
  same(
    'competition-more',
    'twice as many searchers race each edge (6 on average)',
    competitors({ searchersPerEdge: { ethereum: 6, polygon: 6, arbitrum: 6 } }),
  ),
  same(
    'competition-less',
    'one searcher races each edge on average',
    competitors({ searchersPerEdge: { ethereum: 1, polygon: 1, arbitrum: 1 } }),
  ),
  same('competition-fast', "competitors' latency halved", competitors(fast)),
  same('gas-2023', '2023-like Ethereum gas: demand median 20 gwei instead of 92', ethGas(20)),
  same('cex-2023', '2023-like calm CEX: median 1-minute volatility x 0.45', cexSigma(0.45)),
  same('cex-2024', '2024-like CEX: median 1-minute volatility x 0.7', cexSigma(0.7)),
  {
    name: 'unseen',
    description:
      'models trained on the default world, evaluated where twice as many searchers race each edge, twice as fast',
    train: P,
    evaluate: competitors({ searchersPerEdge: { ethereum: 6, polygon: 6, arbitrum: 6 }, ...fast }),
  },
]);

export function scenarioByName(name: string): Scenario {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s)
    throw new InvalidInputError(
      `unknown scenario ${JSON.stringify(name)}; one of ${SCENARIOS.map((x) => x.name).join(', ')}`,
    );
  return s;
}
