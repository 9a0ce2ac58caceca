package workbook

import (
	"finexport/extract"
	"finexport/extract/model"

	"github.com/xuri/excelize/v2"
)

// Roles of cells, after the FAST Standard: inputs (figures extracted from
// a document) are blue, calculations black, links to other sheets green.
const (
	roleInput   = "input"
	roleFormula = "formula"
	roleLink    = "link"
	roleText    = "text"
	roleHeader  = "header"
	roleTitle   = "title"
	roleSection = "section"
	roleNote    = "note"
)

var roleColor = map[string]string{roleInput: "0000FF", roleFormula: "000000", roleLink: "008000", roleNote: "595959"}

// Number formats come from the model's display table, which the PDF
// uses too: both show the same digits.
var (
	fmtMoney   = model.ExcelFormat(model.ShowMoney)
	fmtPercent = model.ExcelFormat(model.ShowPercent)
	fmtGeneral = model.ExcelFormat(model.ShowPlain)
)

// unitFormat returns the number format for a fact's unit.
func unitFormat(u extract.Unit) string { return model.ExcelFormat(model.FactDisplay(string(u))) }

// shownFormat is the number format of a metric of the given unit on the
// statement, comparison, trend and liquidity sheets: money at the
// company's display scale, so that they show the PDF's digits.
func (b *book) shownFormat(unit string) string { return b.c.Scale.ExcelFormat(model.DisplayFor(unit)) }

// factFormat is shownFormat for a figure read from a release: a percent
// figure holds the number as printed, not a fraction (model.FactDisplay).
func (b *book) factFormat(unit string) string { return b.c.Scale.ExcelFormat(model.FactDisplay(unit)) }

// shownUnit labels a row's units at the display scale: "USD thousands".
func (b *book) shownUnit(unit string, l look) excelize.Cell { return b.text(b.c.Scale.Unit(unit), l) }

// look is everything that makes a cell's style.
type look struct {
	role   string
	numFmt string
	bold   bool
	rule   bool   // a thin rule above: a total
	fill   string // background colour, "" for none
	wrap   bool
	top    bool // align to the top of a tall row
	apart  bool // left-aligned and indented: text right of right-aligned figures
}

// Fills that mark a cell's state.
const (
	fillDerived  = "FFF2CC" // a quarter no release reports, computed
	fillConflict = "F8CBAD" // releases disagree
	fillHeader   = "D9E1F2"
	fillPass     = "C6EFCE"
	fillFail     = "FFC7CE"
	fillNeutral  = "FFEB9C" // a check that did not run; no check ran
)

// styles creates each distinct style once.
type styles struct {
	f   *excelize.File
	ids map[look]int
	err error
}

func (s *styles) id(l look) int {
	if id, ok := s.ids[l]; ok {
		return id
	}
	st := &excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11, Color: roleColor[l.role], Bold: l.bold}}
	switch l.role {
	case roleTitle:
		st.Font.Size, st.Font.Bold = 14, true
	case roleHeader:
		st.Font.Bold = true
		st.Border = []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}
		st.Alignment = &excelize.Alignment{Horizontal: "center", WrapText: true, Vertical: "center"}
	case roleSection:
		st.Font.Bold = true
	case roleNote:
		st.Font.Italic = true
	}
	if l.numFmt != "" {
		f := l.numFmt
		st.CustomNumFmt = &f
	}
	if l.rule {
		st.Border = append(st.Border, excelize.Border{Type: "top", Color: "000000", Style: 1})
	}
	if l.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{l.fill}}
	}
	if l.wrap || l.top {
		st.Alignment = &excelize.Alignment{WrapText: l.wrap, Vertical: "top"}
	}
	if l.numFmt != "" && st.Alignment == nil {
		// "n/a" and "n/m" stand where figures would, right-aligned.
		st.Alignment = &excelize.Alignment{Horizontal: "right"}
	}
	if l.role == roleNote || l.apart {
		// Sources stand right of right-aligned figures: keep them apart.
		if st.Alignment == nil {
			st.Alignment = &excelize.Alignment{}
		}
		st.Alignment.Horizontal, st.Alignment.Indent = "left", 1
	}
	id, err := s.f.NewStyle(st)
	if err != nil && s.err == nil {
		s.err = err
	}
	s.ids[l] = id
	return id
}
