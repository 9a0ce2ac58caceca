package model

import (
	"fmt"
	"io"
	"strings"

	"finexport/extract"

	"github.com/shopspring/decimal"
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
	p("display %s, %d decimals", c.Scale.Name(), c.Scale.Places)
	dumpPlan(p, c.Plan())
	p("")
	for _, cmp := range c.Comparisons {
		ytd := ""
		if cmp.YTDCurrent != nil {
			ytd = " ytd " + cmp.YTDCurrent.Name + " vs " + cmp.YTDPrior.Name
		}
		p("comparison %s (%s)%s", cmp.Name, cmp.Kind, ytd)
		dumpChanges(p, c, cmp.Current.Name, cmp.Prior.Name)
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

// dumpPlan writes each statement's lines in order, totals starred and
// unmapped rows quoted.
func dumpPlan(p func(string, ...any), plan *Plan) {
	for _, s := range plan.Sections {
		var names []string
		for _, l := range s.Lines {
			names = append(names, lineName(l))
		}
		p("plan %s: %s", s.Statement, strings.Join(names, ", "))
	}
	var other []string
	for _, l := range plan.Other {
		other = append(other, lineName(l))
	}
	if len(other) > 0 {
		p("plan other: %s", strings.Join(other, ", "))
	}
}

func lineName(l *Line) string {
	name := fmt.Sprintf("%q", l.Label)
	if l.Item != nil {
		name = l.Item.ID
	}
	if l.Total {
		name = "*" + name
	}
	return name
}

// dumpChanges writes the change values the renderers show for a pair of
// periods: change and % change of each flow line that both hold, and the
// change of each margin (in points for a percentage).
func dumpChanges(p func(string, ...any), c *Company, cur, prior string) {
	changes := []string{"change", "pct_change"} // what the renderers show of a line
	show := func(v decimal.Decimal, err error) string {
		if err != nil {
			return Unshown(err)
		}
		return v.Round(4).String()
	}
	for _, s := range c.Plan().Sections {
		for _, l := range s.Lines {
			if l.Stock || c.LineFact(l, cur) == nil || c.LineFact(l, prior) == nil {
				continue
			}
			var vals []string
			for _, id := range changes {
				vals = append(vals, id+" "+show(c.LineChange(id, l, cur, prior)))
			}
			p("  %s %s", strings.Trim(lineName(l), "*"), strings.Join(vals, " "))
		}
	}
	for _, m := range c.Plan().Margins {
		id := c.set.ChangeFor(m.Unit).ID
		p("  %s %s %s", m.ID, id, show(c.MetricChange(id, m.ID, cur, prior)))
	}
}
