package model

import (
	"fmt"
	"io"
	"strings"

	"finexport/extract"
)

// Dump writes a readable account of a company model: its documents,
// periods, facts (with sources or derivations), comparisons, metrics and
// checks. It is meant for review and for golden tests.
func Dump(w io.Writer, c *Company) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("company %q ticker %q exchange %q", c.Name, c.Ticker, c.Exchange)
	p("fiscal year end %s", c.Calendar.YearEnd.Format("01-02"))
	for _, d := range c.Documents {
		p("document %s released %s tables %d %q", d.File, d.ReleaseDate.Format("2006-01-02"), d.Tables, d.Title)
	}
	p("")
	for _, per := range c.Periods {
		p("period %s (%s)", per.Name, per.Period)
		for _, f := range c.FactsIn(per.Name) {
			where := ""
			if f.Derived != nil {
				where = "derived " + f.DerivationText()
			} else {
				var src []string
				for _, s := range f.Sources() {
					src = append(src, s.String())
				}
				where = strings.Join(src, " ")
			}
			flag := ""
			if f.Conflict {
				flag = " CONFLICT"
			}
			item := f.Item
			if item == "" {
				item = fmt.Sprintf("%q", f.Label)
			}
			p("  %s = %s %s%s | %s", item, f.Value, f.Unit, flag, where)
		}
	}
	p("")
	for _, cmp := range c.Comparisons {
		ytd := ""
		if cmp.YTDCurrent != nil {
			ytd = " ytd " + cmp.YTDCurrent.Name + " vs " + cmp.YTDPrior.Name
		}
		p("comparison %s (%s)%s", cmp.Name, cmp.Kind, ytd)
	}
	p("")
	for _, mv := range c.Metrics {
		v := Unshown(mv.Err)
		if mv.Available {
			v = mv.Value.Round(4).String()
		}
		p("metric %s %s = %s", mv.Metric.ID, mv.Period.Name, v)
	}
	p("")
	p("status %s", c.Status())
	for _, ch := range c.Checks {
		if ch.Status == extract.NotRun {
			p("check %s %s | %s | %s | stated %s | %s", ch.Status, ch.Kind, ch.Name, ch.Period, ch.Stated, ch.Reason)
			continue
		}
		p("check %s %s | %s | %s | stated %s computed %s", ch.Status, ch.Kind, ch.Name, ch.Period, ch.Stated, ch.Computed.Round(6))
	}
}
