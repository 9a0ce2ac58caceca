package pdfreport

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// series is one set of bars in a chart.
type series struct {
	name  string
	color [3]int
	// values per category; ok false for a gap
	values []float64
	ok     []bool
}

// barChart draws grouped bars with axes, gridlines, labels and a legend.
// Categories marked derived are drawn lighter, with a dashed outline.
type barChart struct {
	title      string
	categories []string
	derived    []bool
	series     []series
	unit       string // axis caption
}

// charts draws the quarterly revenue and net income, and cash and working
// capital by balance-sheet date.
func (r *report) charts() {
	r.section("Charts", true)
	quarters := r.c.QuarterTrend()
	if len(quarters) > 0 {
		ch := barChart{title: "Quarterly revenue and net income (loss)", unit: "USD millions"}
		rev := series{name: "Revenue", color: [3]int{47, 85, 151}}
		ni := series{name: "Net income (loss)", color: [3]int{197, 90, 17}}
		for _, q := range quarters {
			ch.categories = append(ch.categories, q.Name)
			derived := false
			for i, item := range []string{"revenue", "net_income"} {
				s := &rev
				if i == 1 {
					s = &ni
				}
				f := r.c.Fact(item, q.Name)
				v := 0.0
				if f != nil {
					v = finite(f.Value)
					derived = derived || f.Derived != nil
				}
				s.values = append(s.values, v)
				s.ok = append(s.ok, f != nil)
			}
			ch.derived = append(ch.derived, derived)
		}
		ch.series = []series{rev, ni}
		r.drawChart(ch)
	}
	dates := r.c.BalanceDates()
	if len(dates) > 0 {
		ch := barChart{title: "Cash and working capital at each balance-sheet date", unit: "USD millions"}
		cash := series{name: "Cash and equivalents", color: [3]int{47, 85, 151}}
		wc := series{name: "Working capital", color: [3]int{84, 130, 53}}
		for _, d := range dates {
			ch.categories = append(ch.categories, d.Name)
			ch.derived = append(ch.derived, false)
			f := r.c.Fact("cash", d.Name)
			v := 0.0
			if f != nil {
				v = finite(f.Value)
			}
			cash.values, cash.ok = append(cash.values, v), append(cash.ok, f != nil)
			mv, ok := r.c.Metric("working_capital", d.Name)
			w := finite(mv.Value)
			wc.values, wc.ok = append(wc.values, w), append(wc.ok, ok && mv.Available)
		}
		ch.series = []series{cash, wc}
		r.drawChart(ch)
	}
	if len(quarters) == 0 && len(dates) == 0 {
		r.note("The releases hold no quarters and no balance sheets to chart.")
	}
}

// niceStep picks a round tick step (1, 2 or 5 times a power of ten).
func niceStep(span float64) float64 {
	if span <= 0 {
		return 1
	}
	raw := span / 5
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}

func (r *report) drawChart(ch barChart) {
	pdf := r.pdf
	const height = 78.0
	r.heading(ch.title, height+28)
	x0, y0 := pdf.GetX()+16, pdf.GetY()+8
	plotW, plotH := r.w-20, height-22
	lo, hi := 0.0, 0.0
	for _, s := range ch.series {
		for i, v := range s.values {
			if s.ok[i] {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	step := niceStep(hi - lo)
	lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	if hi == lo {
		hi = lo + step
	}
	yOf := func(v float64) float64 { return y0 + plotH - (v-lo)/(hi-lo)*plotH }
	// Gridlines and the value axis.
	r.font("", 6.5)
	pdf.SetDrawColor(220, 220, 220)
	for v := lo; v <= hi+step/2; v += step {
		y := yOf(v)
		pdf.Line(x0, y, x0+plotW, y)
		pdf.SetXY(x0-16, y-2)
		pdf.CellFormat(15, 4, millions(v), "", 0, "R", false, 0, "")
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.Line(x0, y0, x0, y0+plotH)
	pdf.Line(x0, yOf(0), x0+plotW, yOf(0))
	pdf.SetXY(x0-16, y0-7)
	pdf.CellFormat(40, 4, ch.unit, "", 0, "L", false, 0, "")
	// Bars.
	n := len(ch.categories)
	groupW := plotW / float64(n)
	barW := math.Min(groupW*0.7/float64(len(ch.series)), 14)
	for i, cat := range ch.categories {
		gx := x0 + groupW*float64(i) + (groupW-barW*float64(len(ch.series)))/2
		for si, s := range ch.series {
			if !s.ok[i] {
				continue
			}
			top, bottom := yOf(math.Max(s.values[i], 0)), yOf(math.Min(s.values[i], 0))
			c := s.color
			if ch.derived[i] {
				c = [3]int{(c[0] + 2*255) / 3, (c[1] + 2*255) / 3, (c[2] + 2*255) / 3}
				pdf.SetDashPattern([]float64{0.8, 0.6}, 0)
			}
			pdf.SetFillColor(c[0], c[1], c[2])
			pdf.SetDrawColor(s.color[0], s.color[1], s.color[2])
			pdf.Rect(gx+barW*float64(si), top, barW, math.Max(bottom-top, 0.2), "FD")
			pdf.SetDashPattern([]float64{}, 0)
		}
		label := cat
		if ch.derived[i] {
			label += "*"
		}
		r.font("", 6.5)
		pdf.SetXY(x0+groupW*float64(i), y0+plotH+1)
		pdf.CellFormat(groupW, 4, label, "", 0, "C", false, 0, "")
	}
	pdf.SetDrawColor(0, 0, 0)
	// Legend.
	ly := y0 + plotH + 7
	lx := x0
	for _, s := range ch.series {
		pdf.SetFillColor(s.color[0], s.color[1], s.color[2])
		pdf.Rect(lx, ly+0.8, 3, 2.5, "F")
		r.font("", 7.5)
		pdf.SetXY(lx+4, ly)
		w := pdf.GetStringWidth(s.name) + 8
		pdf.CellFormat(w, 4, s.name, "", 0, "L", false, 0, "")
		lx += w + 4
	}
	if anyTrue(ch.derived) {
		pdf.SetFillColor(230, 230, 230)
		pdf.SetDashPattern([]float64{0.8, 0.6}, 0)
		pdf.Rect(lx, ly+0.8, 3, 2.5, "FD")
		pdf.SetDashPattern([]float64{}, 0)
		pdf.SetXY(lx+4, ly)
		pdf.CellFormat(70, 4, "* derived quarter: no release reports it; computed", "", 0, "L", false, 0, "")
	}
	pdf.SetXY(16, ly+8)
}

func anyTrue(b []bool) bool {
	for _, x := range b {
		if x {
			return true
		}
	}
	return false
}

// millions writes an axis value: 2,500,000 as 2.5.
func millions(v float64) string {
	m := v / 1e6
	if math.Abs(m-math.Round(m)) < 1e-9 {
		return fmt.Sprintf("%.0f", m)
	}
	if math.Abs(m*10-math.Round(m*10)) < 1e-9 {
		return fmt.Sprintf("%.1f", m)
	}
	return fmt.Sprintf("%.2f", m)
}

// finite is a figure as a chart can draw it: one beyond a double's range
// is drawn as zero, never as Inf or NaN, which would corrupt the page.
func finite(d decimal.Decimal) float64 {
	f, _ := d.Float64()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return 0
	}
	return f
}
