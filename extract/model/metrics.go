package model

import (
	"fmt"
	"sort"

	"finexport/extract"
	"finexport/templates"

	"github.com/shopspring/decimal"
)

// Comparison kinds.
const (
	QuarterPair = "quarter"      // a quarter against the same quarter a year earlier
	YearToDate  = "year-to-date" // H1 or 9M against the prior year's
	YearPair    = "year"         // a full year against the prior one
)

// Comparison pairs a period with the same period a year earlier. A quarter
// pair carries its year-to-date pair too, when both exist (for Q4 the full
// years).
type Comparison struct {
	Name       string // "Q2 FY2004 vs Q2 FY2003"
	Kind       string
	Current    FiscalPeriod
	Prior      FiscalPeriod
	YTDCurrent *FiscalPeriod
	YTDPrior   *FiscalPeriod
}

// compare chooses the comparison pairs from the periods that exist,
// newest first.
func (c *Company) compare() {
	byName := map[string]FiscalPeriod{}
	for _, p := range c.Periods {
		byName[p.Name] = p
	}
	prior := func(p FiscalPeriod) (FiscalPeriod, bool) {
		name := extract.PeriodName(p.Kind, p.Quarter, p.FY-1)
		q, ok := byName[name]
		return q, ok
	}
	for _, p := range c.Periods {
		pp, ok := prior(p)
		if !ok || p.Kind == Instant || p.Kind == OtherSpan || p.Kind == SecondHalf {
			continue
		}
		cmp := Comparison{Name: p.Name + " vs " + pp.Name, Current: p, Prior: pp}
		switch p.Kind {
		case Quarter:
			cmp.Kind = QuarterPair
			if ytd, ok := c.yearToDateOf(p, byName); ok {
				if ytdPrior, ok := prior(ytd); ok {
					cmp.YTDCurrent, cmp.YTDPrior = &ytd, &ytdPrior
				}
			}
		case FullYear:
			cmp.Kind = YearPair
		default:
			cmp.Kind = YearToDate
		}
		c.Comparisons = append(c.Comparisons, cmp)
	}
}

// yearToDateOf returns the year-to-date period ending with a quarter: the
// quarter itself for Q1, H1 for Q2, 9M for Q3, the full year for Q4.
func (c *Company) yearToDateOf(q FiscalPeriod, byName map[string]FiscalPeriod) (FiscalPeriod, bool) {
	kind := map[int]string{1: Quarter, 2: FirstHalf, 3: NineMonths, 4: FullYear}[q.Quarter]
	p, ok := byName[extract.PeriodName(kind, q.Quarter, q.FY)]
	return p, ok
}

// QuarterTrend lists the quarters, reported and derived, oldest first.
func (c *Company) QuarterTrend() []FiscalPeriod { return c.periodsOfKind(Quarter) }

// AnnualTrend lists the full years, oldest first.
func (c *Company) AnnualTrend() []FiscalPeriod { return c.periodsOfKind(FullYear) }

// BalanceDates lists the balance-sheet dates, oldest first.
func (c *Company) BalanceDates() []FiscalPeriod { return c.periodsOfKind(Instant) }

func (c *Company) periodsOfKind(kind string) []FiscalPeriod {
	var out []FiscalPeriod
	for i := len(c.Periods) - 1; i >= 0; i-- {
		if c.Periods[i].Kind == kind {
			out = append(out, c.Periods[i])
		}
	}
	return out
}

// MetricValue is one metric for one period. Available is false when an
// input is missing or a denominator is zero ("not available"), or when the
// value would not be meaningful; Err says which (see Unshown).
type MetricValue struct {
	Metric    *templates.Metric
	Period    FiscalPeriod
	Value     decimal.Decimal
	Available bool
	Err       error // nil, or wraps templates.ErrNotAvailable or ErrNotMeaningful
	Inputs    []*Fact
}

// periodEnv serves the facts of one period to an expression. For a
// balance-sheet date it also serves the quarter that ends on it, so that
// runway can divide cash by the quarter's loss.
type periodEnv struct {
	c      *Company
	names  []string
	inputs []*Fact
}

func (e *periodEnv) Value(id string) (decimal.Decimal, bool) {
	for _, n := range e.names {
		if f := e.c.Fact(id, n); f != nil {
			e.inputs = append(e.inputs, f)
			return f.Value, true
		}
	}
	return decimal.Zero, false
}

func (e *periodEnv) Parts(string) ([]decimal.Decimal, bool) { return nil, false }

// EnvPeriods returns the periods a metric reads for a period: the period
// itself, and for a balance-sheet date the quarter ending on it.
func (c *Company) EnvPeriods(p FiscalPeriod) []string {
	names := []string{p.Name}
	if p.Kind == Instant {
		for _, q := range c.Periods {
			if q.Kind == Quarter && extract.Near(q.Period.End, p.Period.End) {
				names = append(names, q.Name)
				break
			}
		}
	}
	return names
}

// computeMetrics evaluates the liquidity metrics at every balance-sheet
// date and the comparison metrics (margins) for every other period.
func (c *Company) computeMetrics() {
	for i := range c.set.Metrics {
		m := &c.set.Metrics[i]
		for _, p := range c.Periods {
			if m.Group == "change" || (m.Group == "liquidity") != (p.Kind == Instant) {
				continue
			}
			env := &periodEnv{c: c, names: c.EnvPeriods(p)}
			v, err := m.Expr.Eval(env)
			mv := MetricValue{Metric: m, Period: p, Value: v, Available: err == nil, Err: err, Inputs: env.inputs}
			c.Metrics = append(c.Metrics, mv)
		}
	}
	sort.SliceStable(c.Metrics, func(i, j int) bool { return c.Metrics[i].Metric.Group < c.Metrics[j].Metric.Group })
}

// Metric returns a metric's value for a period.
func (c *Company) Metric(id, period string) (MetricValue, bool) {
	if c.metricAt == nil {
		c.metricAt = map[string]int{}
		for i, mv := range c.Metrics {
			c.metricAt[mv.Metric.ID+"@"+mv.Period.Name] = i
		}
	}
	i, ok := c.metricAt[id+"@"+period]
	if !ok {
		return MetricValue{}, false
	}
	return c.Metrics[i], true
}

// changeEnv serves "current" and "prior" to a change metric.
type changeEnv struct{ current, prior *Fact }

func (e changeEnv) Value(id string) (decimal.Decimal, bool) {
	switch {
	case id == "current" && e.current != nil:
		return e.current.Value, true
	case id == "prior" && e.prior != nil:
		return e.prior.Value, true
	}
	return decimal.Zero, false
}

func (e changeEnv) Parts(string) ([]decimal.Decimal, bool) { return nil, false }

// Change evaluates a change metric ("change", "pct_change") for an item
// between two periods. The error wraps templates.ErrNotAvailable when
// either figure is missing, or ErrNotMeaningful (a % change from a
// negative base); Unshown gives its text.
func (c *Company) Change(metricID, item, current, prior string) (decimal.Decimal, error) {
	return c.changeOf(metricID, c.Fact(item, current), c.Fact(item, prior))
}

// LineChange evaluates a change metric for a line of the statement plan,
// mapped or not, between two periods, as Change does.
func (c *Company) LineChange(metricID string, l *Line, current, prior string) (decimal.Decimal, error) {
	return c.changeOf(metricID, c.LineFact(l, current), c.LineFact(l, prior))
}

func (c *Company) changeOf(metricID string, current, prior *Fact) (decimal.Decimal, error) {
	m, err := c.changeMetric(metricID)
	if err != nil {
		return decimal.Zero, err
	}
	return m.Expr.Eval(changeEnv{current, prior})
}

// changeMetric finds a change metric by id.
func (c *Company) changeMetric(id string) (*templates.Metric, error) {
	if m, ok := c.set.Metric(id); ok && m.Group == "change" {
		return m, nil
	}
	return nil, fmt.Errorf("%w: no change metric %q", templates.ErrNotAvailable, id)
}

// collectChecks gathers every check into one list: each release's
// tie-outs and prose claims, bound to the model's figures, then the
// conflicts between releases.
func (c *Company) collectChecks(filings []*extract.Filing, consume bool) {
	idx := c.figureIndex()
	for _, f := range filings {
		for _, ch := range f.Checks {
			c.Checks = append(c.Checks, c.bind(ch, idx))
		}
		if consume {
			f.Checks = nil
		}
	}
	for _, f := range c.Facts {
		if !f.Conflict {
			continue
		}
		latest := f.Reported[len(f.Reported)-1]
		for _, r := range f.Reported[:len(f.Reported)-1] {
			if !agree(r, latest) {
				c.Checks = append(c.Checks, c.conflictCheck(f, latest, r))
			}
		}
	}
}

// metricChangeEnv serves two metric values as "current" and "prior".
type metricChangeEnv struct{ current, prior MetricValue }

func (e metricChangeEnv) Value(id string) (decimal.Decimal, bool) {
	switch {
	case id == "current" && e.current.Available:
		return e.current.Value, true
	case id == "prior" && e.prior.Available:
		return e.prior.Value, true
	}
	return decimal.Zero, false
}

func (e metricChangeEnv) Parts(string) ([]decimal.Decimal, bool) { return nil, false }

// MetricChange evaluates a change metric between a metric's values in two
// periods: the change in working capital since the previous balance date.
func (c *Company) MetricChange(changeID, metricID, current, prior string) (decimal.Decimal, error) {
	m, err := c.changeMetric(changeID)
	if err != nil {
		return decimal.Zero, err
	}
	cur, _ := c.Metric(metricID, current)
	pri, _ := c.Metric(metricID, prior)
	return m.Expr.Eval(metricChangeEnv{cur, pri})
}
