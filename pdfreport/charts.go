package pdfreport

import (
	"fmt"
	"math"
	"strings"

	"finexport/extract/model"

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

// barChart draws bars on a time axis, with axes, gridlines, labels and a
// legend. Categories marked derived are drawn lighter, with a dashed
// outline.
type barChart struct {
	title      string
	categories []string
	derived    []bool
	series     []series
	unit       string // axis caption
	axis       timeAxis
}

// charts draws the quarterly revenue and net income, and cash and working
// capital by balance-sheet date.
func (r *report) charts() {
	r.section("Charts", true)
	quarters := r.c.QuarterTrend()
	if len(quarters) > 0 {
		ch := barChart{title: "Quarterly revenue and net income (loss)", unit: "USD millions", axis: placeOnTimeAxis(quarters)}
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
		ch := barChart{title: "Cash and working capital at each balance-sheet date", unit: "USD millions", axis: placeOnTimeAxis(dates)}
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

// timeAxis places a chart's periods by their fiscal quarter, so that
// spacing shows time: consecutive quarters stand side by side, a missing
// quarter leaves an empty slot, and a gap longer than maxGapSlots is
// shortened to that many slots and marked with a break.
type timeAxis struct {
	slot   []int // each period's slot
	slots  int   // slots in all
	breaks []int // slots that stand for a shortened gap (drawn as a break)
}

// maxGapSlots is the most empty slots a gap takes: a longer one is
// shortened, and a break mark says so.
const maxGapSlots = 3

// placeOnTimeAxis places periods (oldest first) on a time axis. Two
// periods of one quarter (two balance-sheet dates) take a slot each.
func placeOnTimeAxis(periods []model.FiscalPeriod) timeAxis {
	var a timeAxis
	pos := -1
	for i, p := range periods {
		if i > 0 {
			missing := quarterIndex(p) - quarterIndex(periods[i-1]) - 1
			if missing > maxGapSlots {
				a.breaks = append(a.breaks, pos+1+maxGapSlots/2)
				missing = maxGapSlots
			}
			pos += max(missing, 0)
		}
		pos++
		a.slot = append(a.slot, pos)
	}
	a.slots = pos + 1
	return a
}

// quarterIndex counts fiscal quarters from year 0: consecutive quarters
// differ by one.
func quarterIndex(p model.FiscalPeriod) int { return p.FY*4 + p.Quarter - 1 }

// panelRatio is how far apart two series' largest values may be and still
// share a scale: beyond it the smaller would hardly show, and it gets a
// panel and a scale of its own.
const panelRatio = 4.0

// panelsFor groups the series (by index) into panels that share a scale.
func panelsFor(ss []series) [][]int {
	var panels [][]int
	var size []float64 // the largest value of each panel
	for i, s := range ss {
		m := largest(s)
		k := 0
		for ; k < len(panels); k++ {
			if m == 0 || size[k] == 0 || m <= size[k]*panelRatio && size[k] <= m*panelRatio {
				break
			}
		}
		if k == len(panels) {
			panels, size = append(panels, nil), append(size, 0)
		}
		panels[k], size[k] = append(panels[k], i), math.Max(size[k], m)
	}
	return panels
}

// largest is a series' largest magnitude.
func largest(s series) float64 {
	m := 0.0
	for i, v := range s.values {
		if s.ok[i] {
			m = math.Max(m, math.Abs(v))
		}
	}
	return m
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

// axisRange is a value axis holding lo and hi and zero, with gridlines
// every step. The larger side of zero ends on a whole step; the other on
// a fifth of one, so that a small value there does not stretch the axis a
// whole step (a loss of 0.09 beside revenue of 30 ends it at -2, not -10).
func axisRange(lo, hi float64) (bottom, top, step float64) {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	step = niceStep(hi - lo)
	minor := step / 5
	if -lo > hi {
		bottom, top = math.Floor(lo/step)*step, math.Ceil(hi/minor)*minor
	} else {
		bottom, top = math.Floor(lo/minor)*minor, math.Ceil(hi/step)*step
	}
	if top == bottom {
		top = bottom + step
	}
	return bottom, top, step
}

// Chart geometry, in millimetres.
const (
	chartHeight = 78.0 // the plot areas, their gaps and the labels
	panelGap    = 5.0
)

func (r *report) drawChart(ch barChart) {
	pdf := r.pdf
	r.heading(ch.title, chartHeight+28)
	x0, y0 := pdf.GetX()+16, pdf.GetY()+8
	plotW := r.w - 20
	panels := panelsFor(ch.series)
	panelH := (chartHeight - 22 - panelGap*float64(len(panels)-1)) / float64(len(panels))
	r.font("", 6.5)
	pdf.SetXY(x0-16, y0-7)
	pdf.CellFormat(40, 4, ch.unit, "", 0, "L", false, 0, "")
	y := y0
	for _, members := range panels {
		r.drawPanel(ch, members, x0, y, plotW, panelH, len(panels) > 1)
		y += panelH + panelGap
	}
	r.drawTimeLabels(ch, x0, y-panelGap, plotW)
	r.drawLegend(ch, x0, y-panelGap+7)
}

// drawPanel draws the bars of some series on a scale of their own.
func (r *report) drawPanel(ch barChart, members []int, x0, y0, plotW, plotH float64, caption bool) {
	pdf := r.pdf
	lo, hi := 0.0, 0.0
	for _, si := range members {
		s := ch.series[si]
		for i, v := range s.values {
			if s.ok[i] {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	bottom, top, step := axisRange(lo, hi)
	yOf := func(v float64) float64 { return y0 + plotH - (v-bottom)/(top-bottom)*plotH }
	// Gridlines and the value axis, at whole steps.
	r.font("", 6.5)
	pdf.SetDrawColor(220, 220, 220)
	first := math.Ceil(bottom/step - 1e-9)
	for k := 0.0; (first+k)*step <= top+step*1e-6; k++ {
		v := (first + k) * step
		if first+k == 0 {
			v = 0 // not -0
		}
		pdf.Line(x0, yOf(v), x0+plotW, yOf(v))
		pdf.SetXY(x0-16, yOf(v)-2)
		pdf.CellFormat(15, 4, millions(v), "", 0, "R", false, 0, "")
	}
	pdf.SetDrawColor(0, 0, 0)
	pdf.Line(x0, y0, x0, y0+plotH)
	pdf.Line(x0, yOf(0), x0+plotW, yOf(0))
	if caption {
		var names []string
		for _, si := range members {
			names = append(names, ch.series[si].name)
		}
		pdf.SetXY(x0+1, y0-3.5)
		pdf.CellFormat(plotW, 3, strings.Join(names, ", "), "", 0, "L", false, 0, "")
	}
	slotW := plotW / float64(ch.axis.slots)
	barW := math.Min(slotW*0.7/float64(len(members)), 14)
	for i := range ch.categories {
		gx := x0 + slotW*float64(ch.axis.slot[i]) + (slotW-barW*float64(len(members)))/2
		for k, si := range members {
			s := ch.series[si]
			if !s.ok[i] {
				continue
			}
			barTop, barBottom := yOf(math.Max(s.values[i], 0)), yOf(math.Min(s.values[i], 0))
			c := s.color
			if ch.derived[i] {
				c = [3]int{(c[0] + 2*255) / 3, (c[1] + 2*255) / 3, (c[2] + 2*255) / 3}
				pdf.SetDashPattern([]float64{0.8, 0.6}, 0)
			}
			pdf.SetFillColor(c[0], c[1], c[2])
			pdf.SetDrawColor(s.color[0], s.color[1], s.color[2])
			pdf.Rect(gx+barW*float64(k), barTop, barW, math.Max(barBottom-barTop, 0.2), "FD")
			pdf.SetDashPattern([]float64{}, 0)
		}
	}
	pdf.SetDrawColor(0, 0, 0)
	r.drawBreaks(ch, x0, yOf(0), slotW)
}

// drawBreaks marks the shortened gaps of the time axis on a panel's zero
// line: two slanted strokes, as a broken axis is drawn.
func (r *report) drawBreaks(ch barChart, x0, y, slotW float64) {
	pdf := r.pdf
	for _, b := range ch.axis.breaks {
		x := x0 + slotW*(float64(b)+0.5)
		pdf.SetFillColor(255, 255, 255)
		pdf.Rect(x-1.6, y-1, 3.2, 2, "F")
		pdf.Line(x-1.8, y+1.2, x-0.6, y-1.2)
		pdf.Line(x+0.6, y+1.2, x+1.8, y-1.2)
	}
}

// drawTimeLabels names each period under its slot; a label that would
// overlap the one before is left out.
func (r *report) drawTimeLabels(ch barChart, x0, y, plotW float64) {
	pdf := r.pdf
	r.font("", 6.5)
	slotW := plotW / float64(ch.axis.slots)
	right := math.Inf(-1)
	for i, cat := range ch.categories {
		label := cat
		if ch.derived[i] {
			label += "*"
		}
		w := pdf.GetStringWidth(label) + 1
		cx := x0 + slotW*(float64(ch.axis.slot[i])+0.5)
		if cx-w/2 < right {
			continue
		}
		pdf.SetXY(cx-w/2, y+1)
		pdf.CellFormat(w, 4, label, "", 0, "C", false, 0, "")
		right = cx + w/2
	}
}

// drawLegend names the series, and the derived marking when used.
func (r *report) drawLegend(ch barChart, lx, ly float64) {
	pdf := r.pdf
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
