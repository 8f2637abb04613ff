/**
 * XGBoost's JSON model format (as written by `Booster.save_model('m.json')` in 1.7): learner ->
 * gradient_booster (gbtree) -> model -> trees, plus learner_model_param (base_score) and the objective. Loading
 * reads numbers and arrays only, checks every reference, and rejects what we cannot predict exactly (categorical
 * splits, multi-output, non-regression objectives) with the field named; nothing in a file is ever executed.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { GbdtModel } from './gbdtModel.ts';
import { gbdtObjectives, type GbdtObjective } from './gbdtParams.ts';
import { RegressionTree } from './regressionTree.ts';

type Json = Record<string, unknown>;

const XGBOOST_VERSION = [1, 7, 4];

function treeJson(tree: RegressionTree, id: number, numFeatures: number): Json {
  const n = tree.numNodes;
  const zeros = new Array<number>(n).fill(0);
  return {
    base_weights: Array.from(tree.baseWeight),
    categories: [],
    categories_nodes: [],
    categories_segments: [],
    categories_sizes: [],
    default_left: Array.from(tree.defaultLeft),
    id,
    left_children: Array.from(tree.left),
    loss_changes: Array.from(tree.lossChange),
    parents: Array.from(tree.parent),
    right_children: Array.from(tree.right),
    split_conditions: Array.from(tree.value),
    split_indices: Array.from(tree.feature),
    split_type: zeros,
    sum_hessian: Array.from(tree.sumHessian),
    tree_param: { num_deleted: '0', num_feature: String(numFeatures), num_nodes: String(n), size_leaf_vector: '0' },
  };
}

/** The model as an XGBoost JSON document (a plain object; `JSON.stringify` it to save). */
export function toXgboostJson(model: GbdtModel): Json {
  const objective: Json =
    model.objective === 'reg:pseudohubererror'
      ? { name: model.objective, pseudo_huber_param: { huber_slope: String(model.huberSlope) } }
      : { name: model.objective, reg_loss_param: { scale_pos_weight: '1' } };
  const attributes: Json = {};
  if (model.bestIteration !== undefined) {
    attributes.best_iteration = String(model.bestIteration);
    attributes.best_ntree_limit = String(model.bestIteration + 1);
  }
  return {
    learner: {
      attributes,
      feature_names: model.featureNames ? [...model.featureNames] : [],
      feature_types: model.featureNames ? model.featureNames.map(() => 'float') : [],
      gradient_booster: {
        model: {
          gbtree_model_param: { num_parallel_tree: '1', num_trees: String(model.trees.length), size_leaf_vector: '0' },
          tree_info: model.trees.map(() => 0),
          trees: model.trees.map((t, i) => treeJson(t, i, model.numFeatures)),
        },
        name: 'gbtree',
      },
      learner_model_param: {
        base_score: String(model.baseScore),
        boost_from_average: '1',
        num_class: '0',
        num_feature: String(model.numFeatures),
        num_target: '1',
      },
      objective,
    },
    version: XGBOOST_VERSION,
  };
}

function obj(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidInputError(`XGBoost model: ${path} is not an object`);
  return value as Json;
}

function num(value: unknown, path: string): number {
  const v = typeof value === 'string' ? Number(value.replace(/^\[|\]$/g, '')) : value;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InvalidInputError(`XGBoost model: ${path} is not a finite number`);
  return v;
}

function numbers(value: unknown, path: string, n: number): number[] {
  if (!Array.isArray(value) || value.length !== n)
    throw new InvalidInputError(`XGBoost model: ${path} is not an array of ${n} numbers`);
  return value.map((v, i) => (typeof v === 'boolean' ? Number(v) : num(v, `${path}[${i}]`)));
}

function parseTree(t: Json, path: string, numFeatures: number): RegressionTree {
  const n = num(obj(t.tree_param, `${path}.tree_param`).num_nodes, `${path}.tree_param.num_nodes`);
  const field = (name: string): number[] => numbers(t[name], `${path}.${name}`, n);
  if (Array.isArray(t.split_type) && t.split_type.some((s) => s !== 0)) {
    throw new InvalidInputError(`XGBoost model: ${path} has categorical splits, which arbml does not support`);
  }
  return new RegressionTree(
    {
      left: Int32Array.from(field('left_children')),
      right: Int32Array.from(field('right_children')),
      parent: Int32Array.from(field('parents')),
      feature: Int32Array.from(field('split_indices')),
      value: Float32Array.from(field('split_conditions')),
      defaultLeft: Uint8Array.from(field('default_left')),
      baseWeight: Float32Array.from(field('base_weights')),
      sumHessian: Float32Array.from(field('sum_hessian')),
      lossChange: Float32Array.from(field('loss_changes')),
    },
    numFeatures,
  );
}

const FLOAT_ARRAYS = new Set(['base_weights', 'loss_changes', 'split_conditions', 'sum_hessian']);

function floatText(v: number): string {
  const t = String(v);
  return /[.eE]/.test(t) ? t : `${t}.0`;
}

function stringify(value: unknown, key: string): string {
  if (Array.isArray(value)) {
    if (FLOAT_ARRAYS.has(key)) return `[${value.map((v: number) => floatText(v)).join(',')}]`;
    return `[${value.map((v) => stringify(v, '')).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${stringify(v, k)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The model as XGBoost JSON text. XGBoost's parser types `3` as an integer and refuses it where a float is due,
 * so every float array element is written with a decimal point or exponent.
 */
export function xgboostJsonText(model: GbdtModel): string {
  return stringify(toXgboostJson(model), '');
}

/** A model from a parsed XGBoost JSON document. */
export function fromXgboostJson(doc: unknown): GbdtModel {
  const learner = obj(obj(doc, 'document').learner, 'learner');
  const param = obj(learner.learner_model_param, 'learner.learner_model_param');
  const numFeatures = num(param.num_feature, 'learner_model_param.num_feature');
  if (param.num_target !== undefined && num(param.num_target, 'learner_model_param.num_target') > 1)
    throw new InvalidInputError('XGBoost model: multi-output models are not supported');
  if (param.num_class !== undefined && num(param.num_class, 'learner_model_param.num_class') > 1)
    throw new InvalidInputError('XGBoost model: multi-class models are not supported');
  const objective = obj(learner.objective, 'learner.objective');
  const name = objective.name === 'reg:linear' ? 'reg:squarederror' : objective.name;
  if (!gbdtObjectives.includes(name as GbdtObjective))
    throw new InvalidInputError(
      `XGBoost model: objective ${String(objective.name)} is not supported (use ${gbdtObjectives.join(' or ')})`,
    );
  const huber = objective.pseudo_huber_param
    ? num(obj(objective.pseudo_huber_param, 'objective.pseudo_huber_param').huber_slope, 'huber_slope')
    : 1;
  const booster = obj(learner.gradient_booster, 'learner.gradient_booster');
  if (booster.name !== 'gbtree')
    throw new InvalidInputError(`XGBoost model: booster ${String(booster.name)} is not supported (gbtree only)`);
  const model = obj(booster.model, 'gradient_booster.model');
  const gbParam = obj(model.gbtree_model_param, 'model.gbtree_model_param');
  if (num(gbParam.num_parallel_tree ?? 1, 'num_parallel_tree') !== 1)
    throw new InvalidInputError('XGBoost model: random forests (num_parallel_tree > 1) are not supported');
  if (!Array.isArray(model.trees)) throw new InvalidInputError('XGBoost model: model.trees is not an array');
  const trees = model.trees.map((t, i) => parseTree(obj(t, `trees[${i}]`), `trees[${i}]`, numFeatures));
  const names =
    Array.isArray(learner.feature_names) && learner.feature_names.length === numFeatures
      ? learner.feature_names.map(String)
      : undefined;
  const attributes = learner.attributes ? obj(learner.attributes, 'learner.attributes') : {};
  return new GbdtModel({
    trees,
    baseScore: num(param.base_score, 'learner_model_param.base_score'),
    objective: name as GbdtObjective,
    huberSlope: huber,
    numFeatures,
    featureNames: names,
    bestIteration:
      attributes.best_iteration !== undefined ? num(attributes.best_iteration, 'attributes.best_iteration') : undefined,
  });
}
