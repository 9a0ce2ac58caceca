package workbook

import (
	"fmt"
	"strings"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// checkWidths are the column widths of the Checks sheet: sources and
// detail wrap within theirs.
var checkWidths = []float64{13, 40, 11, 14, 14, 12, 11, 10, 8, 30, 60}

// Rows and columns of the Checks sheet.
const (
	checksHeader = 5
	checkStated  = 4 // D
	checkStatus  = 9 // I
	halfCell     = "$B$3"
)

// writeChecks lists every check: stated and computed as links and the
// template formulas over the period sheets where the model's figures
// support them, and difference, tolerance and status as live formulas. A
// master cell at the top says whether every check passes.
func (b *book) writeChecks() error {
	s, err := b.open(ChecksSheet, sheetSetup{widths: checkWidths, freezeRows: checksHeader, freezeCols: 2, titleRows: checksHeader})
	if err != nil {
		return err
	}
	checks := b.c.Checks
	last := checksHeader + max(len(checks), 1)
	status := strings.ToUpper(string(b.c.Status()))
	master := fmt.Sprintf(`IF(COUNTIF(%s%d:%s%d,"FAIL"),"FAIL","PASS")`, "I", checksHeader+1, "I", last)
	fill := fillPass
	if status != "PASS" {
		fill = fillFail
	}
	rows := [][]any{
		{b.text(b.c.Name+" — Checks", look{role: roleTitle})},
		{b.text("Master check", look{bold: true}), b.formula(master, status, roleFormula, "", look{bold: true, fill: fill}),
			b.text(fmt.Sprintf("%d checks: every tie-out, every conflict between releases and every prose claim", len(checks)), look{role: roleNote})},
		{b.text("Half unit", look{}), b.input(decimal.New(5, -1), fmtGeneral, look{}),
			b.text("Tolerance = rounding allowance (in printed units of the figures involved) × this", look{role: roleNote})},
	}
	for i, r := range rows {
		if err := s.row(i+1, r...); err != nil {
			return err
		}
	}
	b.names = append(b.names, nameFor("Half", ChecksSheet, halfCell))
	b.names = append(b.names, nameFor("MasterCheck", ChecksSheet, "$B$2"))
	hdr := look{role: roleHeader, fill: fillHeader}
	head := []any{}
	for _, h := range []string{"Kind", "Check", "Period", "Stated", "Computed", "Difference", "Rounding allowance", "Tolerance", "Status", "Sources", "Detail"} {
		head = append(head, b.text(h, hdr))
	}
	if err := s.row(checksHeader, head...); err != nil {
		return err
	}
	idx := b.sourceIndex()
	for i, ch := range checks {
		cells, lines := b.checkRow(ch, checksHeader+1+i, idx)
		if err := s.tallRow(checksHeader+1+i, lines, cells...); err != nil {
			return err
		}
	}
	return s.close()
}

func (b *book) checkRow(ch extract.Check, row int, idx map[string]*model.Fact) ([]any, int) {
	numFmt := b.checkFormat(ch)
	period := "—"
	if !ch.Period.IsZero() {
		period = b.c.Calendar.Name(ch.Period).Name
	}
	detail := ch.Detail
	if detail == "" && ch.Expr != "" {
		detail = ch.Item + " = " + ch.Expr
	}
	stat := "OK"
	if ch.Status != extract.Pass {
		stat = "FAIL"
	}
	d, e, f, g, h := cellName(4, row), cellName(5, row), cellName(6, row), cellName(7, row), cellName(8, row)
	statusFill := fillPass
	if stat == "FAIL" {
		statusFill = fillFail
	}
	sources, url := b.groupSources(ch.Sources)
	lines := max(linesFor(sources, checkWidths[9]), linesFor(detail, checkWidths[10]), linesFor(ch.Name, checkWidths[1]))
	top := look{top: true}
	return []any{
		b.text(string(ch.Kind), top), b.text(ch.Name, look{wrap: true}), b.text(period, top),
		b.statedCell(ch, numFmt),
		b.computedCell(ch, numFmt, idx),
		b.formula(d+"-"+e, number(ch.Difference), roleFormula, numFmt, top),
		b.input(ch.Tolerance.Div(decimal.New(5, -1)), fmtGeneral, top),
		b.formula(g+"*"+halfCell, number(ch.Tolerance), roleFormula, fmtGeneral, top),
		b.formula(fmt.Sprintf(`IF(ABS(%s)<=%s,"OK","FAIL")`, f, h), stat, roleFormula, "", look{bold: true, fill: statusFill, top: true}),
		b.hyperlink(url, sources, look{role: roleNote, wrap: true}),
		b.text(detail, look{role: roleNote, wrap: true}),
	}, lines
}

// maxSources is how many sources a check row lists before summing up.
const maxSources = 40

// groupSources writes sources compactly, each document by its name and,
// when its SEC header names the filing, by that: "a.txt: 121, 115;
// b.txt (CIK 812074, accession 0000950134-04-001234): 141". url is the
// filing's EDGAR address when every source is in one such document.
func (b *book) groupSources(srcs []extract.Source) (text, url string) {
	var out []string
	extra := 0
	if len(srcs) > maxSources {
		srcs, extra = srcs[:maxSources], len(srcs)-maxSources
	}
	urls := map[string]bool{}
	for i := 0; i < len(srcs); {
		j, lines := i, []string{}
		for ; j < len(srcs) && srcs[j].File == srcs[i].File; j++ {
			lines = append(lines, fmt.Sprint(srcs[j].Line))
		}
		name := model.DocName(srcs[i].File)
		doc, _ := b.c.DocumentOf(srcs[i].File)
		if filing := doc.Filing(); filing != "" {
			name += " (" + filing + ")"
		}
		urls[doc.FilingURL()] = true
		url = doc.FilingURL()
		out = append(out, name+": "+strings.Join(lines, ", "))
		i = j
	}
	if len(urls) != 1 {
		url = ""
	}
	text = strings.Join(out, "; ")
	if extra > 0 {
		text += fmt.Sprintf(" and %d more lines", extra)
	}
	return text, url
}

// checkFormat picks a number format for a check's figures.
func (b *book) checkFormat(ch extract.Check) string {
	if _, ratio := ch.Inputs["numerator"]; ratio {
		return fmtPercent
	}
	if _, change := ch.Inputs["current"]; change {
		return fmtPercent
	}
	if it, ok := b.set.Item(ch.Item); ok {
		return unitFormat(extract.Unit(it.Unit))
	}
	return fmtMoney
}

// statedCell links the stated figure when the model shows the same value,
// else writes it as an input (a prose figure, or an older release's).
func (b *book) statedCell(ch extract.Check, numFmt string) any {
	if ch.Kind != extract.Claim && !ch.Period.IsZero() {
		if f := b.c.Fact(ch.Item, b.c.Calendar.Name(ch.Period).Name); f != nil && f.Value.Equal(ch.Stated) {
			return b.link(f, numFmt, look{top: true})
		}
	}
	return b.input(ch.Stated, numFmt, look{top: true})
}

// computedCell writes the check's formula over the model's cells when they
// give exactly what the check computed; otherwise the computed value as an
// input, so that the sheet never shows a figure the model did not.
func (b *book) computedCell(ch extract.Check, numFmt string, idx map[string]*model.Fact) any {
	top := look{top: true}
	if ch.Formula == nil {
		return b.input(ch.Computed, numFmt, top)
	}
	env := &checkEnv{b: b, ch: ch, idx: idx}
	formula, err := ch.Formula.Formula(env.ref, env.parts)
	if err != nil || len(formula) > maxFormula {
		return b.input(ch.Computed, numFmt, top)
	}
	v, err := ch.Formula.Eval(env)
	if err != nil || !v.Round(templates.RatioPlaces).Equal(ch.Computed.Round(templates.RatioPlaces)) {
		return b.input(ch.Computed, numFmt, top)
	}
	return b.formula(formula, number(ch.Computed), roleFormula, numFmt, top)
}

// checkEnv resolves a check's formula against the model's facts.
type checkEnv struct {
	b   *book
	ch  extract.Check
	idx map[string]*model.Fact
}

func (e *checkEnv) fact(id string) *model.Fact {
	in, ok := e.ch.Inputs[id]
	if !ok {
		return nil
	}
	return e.b.c.Fact(in.Item, e.b.c.Calendar.Name(in.Period).Name)
}

func (e *checkEnv) ref(id string) (string, bool) {
	f := e.fact(id)
	if f == nil {
		return "", false
	}
	r, ok := e.b.layout.cell[factKey(f.Item, f.Label, f.Period.Name)]
	return r, ok
}

func (e *checkEnv) partFacts() []*model.Fact {
	var out []*model.Fact
	for _, s := range e.ch.Parts {
		f := e.idx[sourceKey(s, e.ch.Period)]
		if f == nil {
			return nil
		}
		out = append(out, f)
	}
	return out
}

func (e *checkEnv) parts(string) ([]string, bool) {
	facts := e.partFacts()
	var refs []string
	for _, f := range facts {
		refs = append(refs, e.b.layout.cell[factKey(f.Item, f.Label, f.Period.Name)])
	}
	return ranges(refs), len(refs) > 0 && len(refs) == len(e.ch.Parts)
}

// ranges joins references to consecutive rows of one column into a range:
// 'Q1'!C10, 'Q1'!C11, 'Q1'!C12 become 'Q1'!C10:C12.
func ranges(refs []string) []string {
	var out []string
	for i := 0; i < len(refs); {
		sheet, cell, _ := strings.Cut(refs[i], "!")
		col, row, err := excelize.SplitCellName(cell)
		j := i + 1
		for err == nil && j < len(refs) {
			s2, c2, _ := strings.Cut(refs[j], "!")
			col2, row2, err2 := excelize.SplitCellName(c2)
			if err2 != nil || s2 != sheet || col2 != col || row2 != row+(j-i) {
				break
			}
			j++
		}
		if j-i > 2 {
			out = append(out, refs[i]+":"+col+fmt.Sprint(row+(j-i-1)))
		} else {
			out = append(out, refs[i:j]...)
		}
		i = j
	}
	return out
}

func (e *checkEnv) Value(id string) (decimal.Decimal, bool) {
	if f := e.fact(id); f != nil {
		return f.Value, true
	}
	return decimal.Zero, false
}

func (e *checkEnv) Parts(string) ([]decimal.Decimal, bool) {
	facts := e.partFacts()
	out := make([]decimal.Decimal, len(facts))
	for i, f := range facts {
		out[i] = f.Value
	}
	return out, len(out) > 0 && len(out) == len(e.ch.Parts)
}

func sourceKey(s extract.Source, p extract.Period) string {
	return fmt.Sprintf("%s:%d@%s", s.File, s.Line, p.Key())
}

// sourceIndex finds a model fact by the document line it was read from.
func (b *book) sourceIndex() map[string]*model.Fact {
	idx := map[string]*model.Fact{}
	for _, f := range b.c.Facts {
		for _, r := range f.Reported {
			idx[sourceKey(r.Source, f.Period.Period)] = f
		}
	}
	return idx
}
