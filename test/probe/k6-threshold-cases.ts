/**
 * k6's threshold-expression cases, as data, from github.com/grafana/k6 at commit
 * 87883075ccd5e3d3fb961a860b3d6e422bbc353b (2026-08-21): metrics/thresholds_parser_test.go,
 * metrics/thresholds_test.go, examples/thresholds*.js and internal/cmd/testdata/thresholds/*.js.
 * Only the expectations are copied; no k6 code. `source` names the Go test and case.
 */

/** What k6's parser (parseThresholdExpression) says about an expression. */
export interface K6ParseCase {
  source: string;
  expression: string;
  /** true when k6 parses it; false when k6 fails it. */
  k6Accepts: boolean;
  /**
   * The k6 metric type the case applies to. Runway judges a Trend (response time) and a Rate (error rate):
   * Counter/Gauge aggregations (`count`, `value`) are refused with a message that says so.
   */
  metricType?: 'Trend' | 'Rate' | 'Counter' | 'Gauge';
  /** For an accepted Trend/Rate case: k6's aggregation, percentile, operator and value. */
  method?: 'avg' | 'min' | 'med' | 'max' | 'p' | 'rate';
  percentile?: number;
  operator?: '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';
  value?: number;
}

export const K6_PARSE_CASES: K6ParseCase[] = [
  // TestParseThresholdExpression
  {
    source: "TestParseThresholdExpression/unknown expression's operator fails",
    expression: 'count!20',
    k6Accepts: false,
  },
  {
    source: "TestParseThresholdExpression/unknown expression's method fails",
    expression: 'foo>20',
    k6Accepts: false,
  },
  {
    source: "TestParseThresholdExpression/non numerical expression's value fails",
    expression: 'count>abc',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdExpression/valid threshold expression syntax',
    expression: 'count>20',
    k6Accepts: true,
    metricType: 'Counter',
  },
  // TestParseThresholdAggregationMethod (each method with an operator and value, as k6 scans it first)
  {
    source: 'TestParseThresholdAggregationMethod/count method is parsed',
    expression: 'count<1',
    k6Accepts: true,
    metricType: 'Counter',
  },
  {
    source: 'TestParseThresholdAggregationMethod/rate method is parsed',
    expression: 'rate<1',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/value method is parsed',
    expression: 'value<1',
    k6Accepts: true,
    metricType: 'Gauge',
  },
  {
    source: 'TestParseThresholdAggregationMethod/avg method is parsed',
    expression: 'avg<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'avg',
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/min method is parsed',
    expression: 'min<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'min',
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/max method is parsed',
    expression: 'max<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'max',
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/med method is parsed',
    expression: 'med<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'med',
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/percentile method with integer value is parsed',
    expression: 'p(99)<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 99,
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/percentile method with floating point value is parsed',
    expression: 'p(99.9)<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 99.9,
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/percentile method with zero value is parsed',
    expression: 'p(0)<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 0,
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/percentile method with 100 value is parsed',
    expression: 'p(100)<1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 100,
    operator: '<',
    value: 1,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing invalid method fails',
    expression: 'foo<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing empty percentile expression fails',
    expression: 'p()<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing incomplete percentile expression fails',
    expression: 'p(99<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing non-numerical percentile value fails',
    expression: 'p(foo)<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing negative percentile value fails',
    expression: 'p(-1)<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing percentile value greater than 100 fails',
    expression: 'p(101)<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing NaN percentile value fails',
    expression: 'p(NaN)<1',
    k6Accepts: false,
  },
  {
    source: 'TestParseThresholdAggregationMethod/parsing infinite percentile value fails',
    expression: 'p(+Inf)<1',
    k6Accepts: false,
  },
  // TestThresholdsValidate: the methods k6 allows on Trend and Rate metrics, with ==
  {
    source: "TestThresholdsValidate/threshold expression using 'rate' is valid against a rate metric",
    expression: 'rate==1',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '==',
    value: 1,
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'avg' is valid against a trend metric",
    expression: 'avg==1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'avg',
    operator: '==',
    value: 1,
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'min' is valid against a trend metric",
    expression: 'min==1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'min',
    operator: '==',
    value: 1,
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'max' is valid against a trend metric",
    expression: 'max==1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'max',
    operator: '==',
    value: 1,
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'med' is valid against a trend metric",
    expression: 'med==1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'med',
    operator: '==',
    value: 1,
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'p(value)' is valid against a trend metric",
    expression: 'p(99)==1',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 99,
    operator: '==',
    value: 1,
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'count' is valid against a counter metric",
    expression: 'count==1',
    k6Accepts: true,
    metricType: 'Counter',
  },
  {
    source: "TestThresholdsValidate/threshold expression using 'value' is valid against a gauge metric",
    expression: 'value==1',
    k6Accepts: true,
    metricType: 'Gauge',
  },
  // TestThreshold_runNoTaint: every operator over a Rate
  {
    source: 'TestThreshold_runNoTaint/valid expression using the > operator',
    expression: 'rate>0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '>',
    value: 0.01,
  },
  {
    source: 'TestThreshold_runNoTaint/valid expression using the >= operator',
    expression: 'rate>=0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '>=',
    value: 0.01,
  },
  {
    source: 'TestThreshold_runNoTaint/valid expression using the <= operator',
    expression: 'rate<=0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '<=',
    value: 0.01,
  },
  {
    source: 'TestThreshold_runNoTaint/valid expression using the < operator',
    expression: 'rate<0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '<',
    value: 0.01,
  },
  {
    source: 'TestThreshold_runNoTaint/valid expression using the == operator',
    expression: 'rate==0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '==',
    value: 0.01,
  },
  {
    source: 'TestThreshold_runNoTaint/valid expression using the === operator',
    expression: 'rate===0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '===',
    value: 0.01,
  },
  {
    source: 'TestThreshold_runNoTaint/valid expression using != operator',
    expression: 'rate!=0.01',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '!=',
    value: 0.01,
  },
  // TestThresholdsRunAll, TestNewThresholds, TestThresholdsJSON, TestThresholdsRun
  {
    source: 'TestNewThresholds',
    expression: 'p(95)<200',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 95,
    operator: '<',
    value: 200,
  },
  {
    source: 'TestThresholdsRunAll/two passing',
    expression: 'rate<0.1',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '<',
    value: 0.1,
  },
  {
    source: 'TestThresholdsRun/Running threshold on non existing sink',
    expression: 'p(95)<2000',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 95,
    operator: '<',
    value: 2000,
  },
  {
    source: 'TestThresholdsRun/trend sink med statement',
    expression: 'med<39',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'med',
    operator: '<',
    value: 39,
  },
  {
    source: 'TestThresholdsRun/trend sink med statement',
    expression: 'med>39',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'med',
    operator: '>',
    value: 39,
  },
  {
    source: 'TestThresholdsRun/Running thresholds of existing sink',
    expression: 'count<2000',
    k6Accepts: true,
    metricType: 'Counter',
  },
  // examples/thresholds.js, examples/thresholds_readme_example.js, internal/cmd/testdata/thresholds/*.js
  {
    source: 'examples/thresholds.js',
    expression: 'p(95)<500',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 95,
    operator: '<',
    value: 500,
  },
  {
    source: 'examples/thresholds.js',
    expression: 'max<1000',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'max',
    operator: '<',
    value: 1000,
  },
  {
    source: 'examples/thresholds_readme_example.js',
    expression: 'p(95)<750',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 95,
    operator: '<',
    value: 750,
  },
  {
    source: 'examples/thresholds_readme_example.js',
    expression: 'p(99)<500',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'p',
    percentile: 99,
    operator: '<',
    value: 500,
  },
  {
    source: 'examples/thresholds_readme_example.js',
    expression: 'rate<=0.05',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '<=',
    value: 0.05,
  },
  {
    source: 'testdata/thresholds/name_contains_tokens.js',
    expression: 'max < 1000',
    k6Accepts: true,
    metricType: 'Trend',
    method: 'max',
    operator: '<',
    value: 1000,
  },
  {
    source: 'testdata/thresholds/empty_sink_no_nan.js',
    expression: 'rate>0.9',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '>',
    value: 0.9,
  },
  {
    source: 'testdata/thresholds/non_existing_metric.js',
    expression: 'rate>0',
    k6Accepts: true,
    metricType: 'Rate',
    method: 'rate',
    operator: '>',
    value: 0,
  },
  { source: 'testdata/thresholds/malformed_expression.js', expression: 'foo&0', k6Accepts: false },
  {
    source: 'testdata/thresholds/unsupported_aggregation_method.js',
    expression: 'value>0',
    k6Accepts: true,
    metricType: 'Gauge',
  },
];

/** k6's scanner (TestScanThresholdExpression): how an expression splits into method, operator, value. */
export const K6_SCAN_CASES: {
  source: string;
  input: string;
  method?: string;
  operator?: string;
  value?: string;
}[] = [
  {
    source: 'expression with <= operator is scanned',
    input: 'foo<=bar',
    method: 'foo',
    operator: '<=',
    value: 'bar',
  },
  {
    source: 'expression with < operator is scanned',
    input: 'foo<bar',
    method: 'foo',
    operator: '<',
    value: 'bar',
  },
  {
    source: 'expression with >= operator is scanned',
    input: 'foo>=bar',
    method: 'foo',
    operator: '>=',
    value: 'bar',
  },
  {
    source: 'expression with > operator is scanned',
    input: 'foo>bar',
    method: 'foo',
    operator: '>',
    value: 'bar',
  },
  {
    source: 'expression with === operator is scanned',
    input: 'foo===bar',
    method: 'foo',
    operator: '===',
    value: 'bar',
  },
  {
    source: 'expression with == operator is scanned',
    input: 'foo==bar',
    method: 'foo',
    operator: '==',
    value: 'bar',
  },
  {
    source: 'expression with != operator is scanned',
    input: 'foo!=bar',
    method: 'foo',
    operator: '!=',
    value: 'bar',
  },
  {
    source: "expression's method is trimmed",
    input: '  foo  <=bar',
    method: 'foo',
    operator: '<=',
    value: 'bar',
  },
  {
    source: "expression's value is trimmed",
    input: 'foo<=  bar  ',
    method: 'foo',
    operator: '<=',
    value: 'bar',
  },
  { source: 'expression with unknown operator fails', input: 'foo!bar' },
];

/**
 * k6's evaluation (Threshold.runNoTaint, Thresholds.Run/runAll): the figure k6 computed and whether the
 * threshold held. For Trend cases `samples` are what k6 sank (TrendSink); Runway must compute the same figure.
 */
export const K6_EVALUATION_CASES: {
  source: string;
  expression: string;
  figure?: number;
  samples?: number[];
  k6Passes: boolean;
}[] = [
  {
    source: 'TestThreshold_runNoTaint/> over passing threshold',
    expression: 'rate>0.01',
    figure: 1,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/>= over passing threshold',
    expression: 'rate>=0.01',
    figure: 0.01,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/<= over passing threshold',
    expression: 'rate<=0.01',
    figure: 0.01,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/< over passing threshold',
    expression: 'rate<0.01',
    figure: 0.00001,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/== over passing threshold',
    expression: 'rate==0.01',
    figure: 0.01,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/=== over passing threshold',
    expression: 'rate===0.01',
    figure: 0.01,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/!= over passing threshold',
    expression: 'rate!=0.01',
    figure: 0.02,
    k6Passes: true,
  },
  {
    source: 'TestThreshold_runNoTaint/over failing threshold',
    expression: 'rate>0.01',
    figure: 0.00001,
    k6Passes: false,
  },
  { source: 'TestThresholdsRunAll/one passing', expression: 'rate<0.01', figure: 0.0001, k6Passes: true },
  { source: 'TestThresholdsRunAll/one failing', expression: 'p(95)<200', figure: 500, k6Passes: false },
  { source: 'TestThresholdsRunAll/two passing', expression: 'rate<0.1', figure: 0.0001, k6Passes: true },
  {
    source: 'TestThresholdsRun/trend sink with values and passing med',
    expression: 'med>39',
    samples: [70, 80, 90],
    k6Passes: true,
  },
  {
    source: 'TestThresholdsRun/trend sink with values and failing med',
    expression: 'med<39',
    samples: [70, 80, 90],
    k6Passes: false,
  },
];
