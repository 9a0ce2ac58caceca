package templates

import "fmt"

// RequiredItems are the items finexport's code names: the statement
// anchors that classify a table, the figures prose claims and the PDF's
// headlines read. An edited set must keep them.
var RequiredItems = []string{
	"revenue", "gross_profit", "operating_expenses", "operating_income", "income_before_taxes", "net_income",
	"eps_basic", "eps_diluted", "cash", "current_assets", "total_assets", "current_liabilities",
	"total_liabilities", "equity", "liabilities_and_equity",
	"cash_from_operations", "cash_from_investing", "cash_from_financing", "net_change_in_cash",
}

// RequiredMetric is a metric the code names, with the group and unit its
// use assumes.
type RequiredMetric struct{ ID, Group, Unit string }

// RequiredMetrics are the change metrics both renderers compute every
// comparison with: an amount's change, its % change, and a percent
// metric's change in points. Other metrics are optional: a renderer leaves
// out what a set does not define.
var RequiredMetrics = []RequiredMetric{
	{"change", "change", "USD"},
	{"pct_change", "change", "percent"},
	{"point_change", "change", "points"},
}

// missingRequired reports each required id the set lacks, at the end of
// the file that should define it, and each required metric of the wrong
// group or unit, at its line. lines holds each file's last line (a file
// that could not be read is reported already).
func (s *Set) missingRequired(lines map[string]int) ErrorList {
	var errs ErrorList
	_, itemsRead := lines[ItemsFile]
	_, metricsRead := lines[MetricsFile]
	for _, id := range RequiredItems {
		if _, ok := s.byID[id]; !ok && itemsRead {
			errs = append(errs, &Error{File: ItemsFile, Line: lines[ItemsFile], Msg: fmt.Sprintf("item %q is missing: finexport needs it", id)})
		}
	}
	for _, r := range RequiredMetrics {
		m, ok := s.Metric(r.ID)
		switch {
		case !ok && !metricsRead:
		case !ok:
			errs = append(errs, &Error{File: MetricsFile, Line: lines[MetricsFile],
				Msg: fmt.Sprintf("metric %q is missing: finexport needs it (group %s, unit %s)", r.ID, r.Group, r.Unit)})
		case m.Group != r.Group || m.Unit != r.Unit:
			errs = append(errs, &Error{File: MetricsFile, Line: m.Line,
				Msg: fmt.Sprintf("metric %q: want group %s and unit %s, found %s and %s", r.ID, r.Group, r.Unit, m.Group, m.Unit)})
		}
	}
	return errs
}

// ChangeFor is the change metric that compares a metric of the given unit
// between two periods: points for a percent, the plain difference
// otherwise (the required metrics are always there).
func (s *Set) ChangeFor(unit string) *Metric {
	id := "change"
	if unit == "percent" {
		id = "point_change"
	}
	m, _ := s.Metric(id)
	return m
}
