package workbook

import (
	"fmt"
	"strings"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// checkWidths are the column widths of the Checks sheet: sources and
// detail wrap within theirs.
var checkWidths = []float64{13, 40, 11, 15, 15, 13, 13, 13, 10, 30, 60}

// checkHeads are the column headings of the Checks sheet.
var checkHeads = []string{"Kind", "Check", "Period", "Stated", "Computed", "Difference", "Rounding allowance", "Tolerance", "Status", "Sources", "Detail"}

// Rows and columns of the Checks sheet.
const (
	checksHeader = 5
	checkStated  = 4 // D
	checkStatus  = 9 // I
	halfCell     = "$B$3"
)

// Status words of the Checks sheet.
const (
	statusOK      = "OK"
	statusFail    = "FAIL"
	statusNotRun  = "NOT RUN"
	statusPass    = "PASS"
	statusNoCheck = "NO CHECK RAN"
)

// statusWord is the master status as the sheets show it: a company where
// no check ran does not pass.
func statusWord(s extract.CheckStatus) (string, string) {
	switch s {
	case extract.Pass:
		return statusPass, fillPass
	case extract.Fail:
		return statusFail, fillFail
	}
	return statusNoCheck, fillNeutral
}

// writeChecks lists every check: stated figures as links (inputs when the
// model shows them nowhere else), the computation as the check's formula
// over the cells of the figures the model bound it to, and difference,
// tolerance and status as live formulas. A check that could not run is
// listed with the reason. A master cell at the top says whether every
// check that ran passes, or that none ran.
func (b *book) writeChecks() error {
	s, err := b.open(ChecksSheet, sheetSetup{widths: checkWidths, freezeRows: checksHeader, freezeCols: 2, titleRows: checksHeader})
	if err != nil {
		return err
	}
	for i, r := range b.checksTop() {
		if err := s.row(i+1, r...); err != nil {
			return err
		}
	}
	b.names = append(b.names, nameFor("Half", ChecksSheet, halfCell))
	b.names = append(b.names, nameFor("MasterCheck", ChecksSheet, "$B$2"))
	hdr := look{role: roleHeader, fill: fillHeader}
	head, lines := []excelize.Cell{}, 1
	for i, h := range checkHeads {
		head = append(head, b.text(h, hdr))
		lines = max(lines, linesFor(h, checkWidths[i]))
	}
	if err := s.tallRow(checksHeader, lines, head...); err != nil {
		return err
	}
	for i, ch := range b.c.Checks {
		cells, lines := b.checkRow(ch, checksHeader+1+i)
		if err := s.tallRow(checksHeader+1+i, lines, cells...); err != nil {
			return err
		}
	}
	return s.close()
}

// checksTop is the title, the master check and the half-unit input.
func (b *book) checksTop() [][]excelize.Cell {
	last := checksHeader + max(len(b.c.Checks), 1)
	status := fmt.Sprintf("I%d:I%d", checksHeader+1, last)
	master := fmt.Sprintf(`IF(COUNTIF(%s,"%s"),"%s",IF(COUNTIF(%s,"%s"),"%s","%s"))`,
		status, statusFail, statusFail, status, statusOK, statusPass, statusNoCheck)
	word, fill := statusWord(b.c.Status())
	pass, fail, notRun := b.c.CheckCounts()
	what := fmt.Sprintf("%d checks ran: every tie-out, every conflict between releases and every prose claim", pass+fail)
	if pass+fail == 0 {
		what = "No check ran: nothing in the releases could be checked"
	}
	if notRun > 0 {
		what += fmt.Sprintf("; %d could not run (status %s, the reason under Detail)", notRun, statusNotRun)
	}
	return [][]excelize.Cell{
		{b.text(b.c.Name+" — Checks", look{role: roleTitle})},
		{b.text("Master check", look{bold: true}), b.formula(master, word, roleFormula, "", look{bold: true, fill: fill}),
			b.text(what, look{role: roleNote})},
		{b.text("Half unit", look{}), b.input(decimal.New(5, -1), fmtGeneral, look{}),
			b.text("Tolerance = rounding allowance (in printed units of the figures involved) × this", look{role: roleNote})},
	}
}

func (b *book) checkRow(ch model.Check, row int) ([]excelize.Cell, int) {
	figure, diff, fine := b.checkFormats(ch)
	period := "—"
	if !ch.Period.IsZero() {
		period = b.c.Calendar.Name(ch.Period).Name
	}
	detail := ch.Detail
	if detail == "" && ch.Expr != "" {
		detail = ch.Item + " = " + ch.Expr
	}
	if ch.Status == extract.NotRun {
		detail = "Not run: " + ch.Reason + ". " + detail
	}
	sources, url := b.groupSources(ch.Sources)
	lines := max(linesFor(sources, checkWidths[9]), linesFor(detail, checkWidths[10]), linesFor(ch.Name, checkWidths[1]))
	top := look{top: true}
	cells := []excelize.Cell{b.text(string(ch.Kind), top), b.text(ch.Name, look{wrap: true}), b.text(period, top), b.statedCell(ch, figure)}
	if ch.Status == extract.NotRun {
		cells = append(cells, excelize.Cell{}, excelize.Cell{}, excelize.Cell{}, excelize.Cell{}, b.text(statusNotRun, look{bold: true, fill: fillNeutral, top: true}))
	} else {
		cells = append(cells, b.computedCells(ch, row, figure, diff, fine)...)
	}
	return append(cells, b.hyperlink(url, sources, look{role: roleNote, wrap: true}), b.text(detail, look{role: roleNote, wrap: true})), lines
}

// computedCells are a check's computed value, difference, rounding
// allowance, tolerance and status.
func (b *book) computedCells(ch model.Check, row int, figure, diffFormat, fine string) []excelize.Cell {
	d, e, f, g, h := cellName(4, row), cellName(5, row), cellName(6, row), cellName(7, row), cellName(8, row)
	stat, statusFill := statusOK, fillPass
	if ch.Status != extract.Pass {
		stat, statusFill = statusFail, fillFail
	}
	top := look{top: true}
	return []excelize.Cell{
		b.computedCell(ch, figure),
		b.formula(d+"-"+e, number(ch.Difference), roleFormula, diffFormat, top),
		b.input(ch.Tolerance.Add(ch.Tolerance), fine, top), // the allowance: the tolerance is half of it
		b.formula(g+"*"+halfCell, number(ch.Tolerance), roleFormula, fine, top),
		b.formula(fmt.Sprintf(`IF(ABS(%s)<=%s,"%s","%s")`, f, h, statusOK, statusFail), stat, roleFormula, "", look{bold: true, fill: statusFill, top: true}),
	}
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

// fineFormats show a check's difference and tolerance with more places
// than its figures: an EPS difference of 0.0004 is not "(0.00)", and half
// a dollar is not "1".
var fineFormats = map[string]string{
	model.ShowMoney:    `#,##0.0_);(#,##0.0);"–"_)`,
	model.ShowShares:   `#,##0.0_);(#,##0.0);"–"_)`,
	model.ShowPerShare: `#,##0.0000_);(#,##0.0000);"–"_)`,
	model.ShowPercent:  `0.00%_);(0.00%);"–"_)`,
}

// checkFormats picks the number formats of a check's figures, of its
// difference (cents and basis points need their places; whole amounts
// differ by whole amounts) and of its tolerance.
func (b *book) checkFormats(ch model.Check) (figure, diff, fine string) {
	kind, figure := model.ShowMoney, fmtMoney
	_, ratio := ch.Inputs["numerator"]
	_, change := ch.Inputs["current"]
	if it, ok := b.set.Item(ch.Item); ok {
		kind, figure = model.FactDisplay(it.Unit), unitFormat(extract.Unit(it.Unit))
	}
	if ratio || change {
		kind, figure = model.ShowPercent, fmtPercent
	}
	fine, ok := fineFormats[kind]
	if !ok {
		fine = fineFormats[model.ShowMoney]
	}
	if kind == model.ShowPerShare || kind == model.ShowPercent {
		return figure, fine, fine
	}
	return figure, figure, fine
}

// statedCell links the stated figure where the workbook shows it (a
// period sheet, or the Data sheet for a value not used), else writes it
// as an input: a prose figure.
func (b *book) statedCell(ch model.Check, numFmt string) excelize.Cell {
	top := look{top: true}
	if g := ch.StatedFigure; g != nil && g.Value.Equal(ch.Stated) {
		if r, ok := b.figureRef(*g); ok {
			return b.formula(r, number(ch.Stated), roleLink, numFmt, top)
		}
	}
	return b.input(ch.Stated, numFmt, top)
}

// computedCell writes the check's formula over the cells of the figures
// the model computed it from, with the model's value; one bare reference
// is a link. Only a check the model could not bind to its figures (none
// of the samples') keeps its value as an input.
func (b *book) computedCell(ch model.Check, numFmt string) excelize.Cell {
	top := look{top: true}
	if !ch.Bound {
		return b.input(ch.Computed, numFmt, top)
	}
	formula, err := ch.Formula.Formula(func(id string) (string, bool) {
		return b.figureRef(ch.Operands[id])
	}, func(string) ([]string, bool) {
		refs := make([]string, len(ch.Terms))
		for i, g := range ch.Terms {
			r, ok := b.figureRef(g)
			if !ok {
				return nil, false
			}
			refs[i] = r
		}
		return ranges(refs), len(refs) > 0
	})
	if err != nil || len(formula) > maxFormula {
		return b.input(ch.Computed, numFmt, top)
	}
	role := roleFormula
	if ch.Formula.Op == 'i' {
		role = roleLink
	}
	return b.formula(formula, number(ch.Computed), role, numFmt, top)
}

// figureRef is the cell that shows a figure of the model: the fact's cell
// on its period sheet, or its row of the Data sheet - for a fact no period
// sheet shows, a release's value beside the one used, a figure set aside.
func (b *book) figureRef(g model.Figure) (string, bool) {
	if g.Shown() {
		if r, ok := b.shownAt(g.Fact); ok {
			return r, true
		}
		if row, ok := b.dataFactRow[g.Fact]; ok {
			return ref(DataSheet, dataValueCol, row), true
		}
		return "", false
	}
	if row, ok := b.dataSourceRow[g.Source]; ok {
		return ref(DataSheet, dataValueCol, row), true
	}
	return "", false
}

// shownAt is the period-sheet cell that shows a fact, if one does. A cell
// shows the last fact written into it: its line's fact in each of the
// sheet's periods whose column it is (the quarter's, then the balance
// sheet's, which shares its column), a mapped item's own fact of the
// period.
func (b *book) shownAt(f *model.Fact) (string, bool) {
	at, ok := b.layout.cellAt(b.c, f)
	if !ok {
		return "", false
	}
	line := b.c.LineOf(f)
	var last *model.Fact
	for _, p := range []*model.FiscalPeriod{at.sheet.main, at.sheet.ytd, at.sheet.balance} {
		if p == nil || at.sheet.columnFor(*p) != at.col {
			continue
		}
		if g := b.c.LineFact(line, p.Name); g != nil {
			last = g
		}
	}
	if last != f {
		return "", false
	}
	return at.ref(), true
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
