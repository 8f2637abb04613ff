/**
 * The ML decider's fee bid: on top of the block's typical priority fee, a share of the opportunity's quoted net
 * profit spread over the transaction's gas, so a transaction that stands to make more outbids more of the
 * competitors racing for the same edge (builders order by tip). The backtest's shadow run prices the same bid for
 * its counterfactuals, so models and the oracle see outcomes at the tip the decider pays.
 */
import type { Opportunity } from '../domain/opportunity.ts';

/** The ML decider's default fee bid (share of the quoted net profit). */
export const DEFAULT_BID_SHARE = 0.05;

/** Priority fee per gas (native wei): typical tip + share x max(0, quoted net ETH) / gasUsed. */
export function bidTipWei(
  opp: Pick<Opportunity, 'priorityFeeWei' | 'netProfitEth' | 'ethUsd' | 'nativeUsd'>,
  gasUsed: bigint,
  share: number,
): bigint {
  if (!(share > 0) || gasUsed <= 0n || !(opp.netProfitEth > 0)) return opp.priorityFeeWei;
  const nativeWei = ((share * opp.netProfitEth * opp.ethUsd) / opp.nativeUsd) * 1e18;
  return opp.priorityFeeWei + BigInt(Math.floor(nativeWei / Number(gasUsed)));
}
