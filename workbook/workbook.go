// Package workbook renders a company model (extract/model) as an Excel
// workbook: a cover, one sheet per fiscal period, comparison and trend
// sheets, a liquidity sheet, the checks and a data table.
//
// Every figure comes from the model. Extracted figures are written as
// inputs (blue); everything else is a formula (black, or green for a link
// to another sheet) built from the templates' expressions, and each formula
// carries the model's value as its cached result, so readers that do not
// recalculate still see numbers. The same input gives the same bytes.
package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"finexport/extract/model"
	"finexport/templates"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Fixed sheet names.
const (
	CoverSheet     = "Cover"
	QuarterlySheet = "Quarterly trend"
	AnnualSheet    = "Annual trend"
	LiquiditySheet = "Liquidity"
	ChecksSheet    = "Checks"
	DataSheet      = "Data"
)

// book is a workbook being written.
type book struct {
	f      *excelize.File
	c      *model.Company
	set    *templates.Set
	st     *styles
	layout *layout
	names  []*excelize.DefinedName
}

// Write renders the company as an .xlsx workbook to w.
func Write(w io.Writer, c *model.Company) error {
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, c: c, set: c.Templates(), st: &styles{f: f, ids: map[look]int{}}}
	b.layout = planLayout(c)
	if err := b.createSheets(); err != nil {
		return err
	}
	steps := []func() error{b.writeCover, b.writePeriodSheets, b.writeComparisons, b.writeTrends,
		b.writeLiquidity, b.writeChecks, b.writeData, b.writeNames, b.writeProperties}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	if b.st.err != nil {
		return b.st.err
	}
	var raw bytes.Buffer
	if _, err := f.WriteTo(&raw); err != nil {
		return err
	}
	names, err := b.definedNamesXML()
	if err != nil {
		return err
	}
	return repack(raw.Bytes(), names, entryTime(c), w)
}

// entryTime dates the archive's entries: the latest release, so that the
// same input gives the same bytes; 1980-01-01, the first day a zip entry
// can hold, when no release is dated.
func entryTime(c *model.Company) time.Time {
	if t := c.LatestRelease(); !t.IsZero() && t.Year() >= 1980 {
		return t
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

// repack rewrites the archive with its parts in name order (excelize
// writes them in map order, and the same input must give the same bytes),
// adding the defined names to the workbook part, each entry dated modified.
func repack(data, definedNames []byte, modified time.Time, w io.Writer) error {
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), r.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	zw := zip.NewWriter(w)
	for _, f := range files {
		part, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		content, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		if f.Name == "xl/workbook.xml" && definedNames != nil {
			content, err = insertDefinedNames(content, definedNames)
			if err != nil {
				return err
			}
		}
		if _, err := part.Write(content); err != nil {
			return err
		}
	}
	return zw.Close()
}

// createSheets adds every sheet in its final order.
func (b *book) createSheets() error {
	if err := b.f.SetSheetName("Sheet1", CoverSheet); err != nil {
		return err
	}
	for _, name := range b.layout.sheetOrder()[1:] {
		if _, err := b.f.NewSheet(name); err != nil {
			return fmt.Errorf("sheet %q: %w", name, err)
		}
	}
	return nil
}

// writeProperties sets the document properties and asks Excel to
// recalculate on open. Dates come from the releases, never the clock.
func (b *book) writeProperties() error {
	stamp := b.c.LatestRelease().Format(time.RFC3339)
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title:       shortName(b.c.Name, 200) + " — financial model",
		Subject:     "Figures extracted from earnings releases",
		Creator:     "finexport",
		Keywords:    strings.TrimSpace(b.c.Ticker + " " + b.c.Exchange),
		Description: "Built by finexport from " + fmt.Sprint(len(b.c.Documents)) + " release(s) of " + shortName(b.c.Name, 200),
		Category:    shortName(b.c.Name, 200),
		Created:     stamp,
		Modified:    stamp,
	})
	if err != nil {
		return err
	}
	full := true
	if err := b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	return b.f.SetAppProps(&excelize.AppProperties{Application: "finexport", Company: b.c.Name})
}

// sheet is one worksheet written row by row with the stream writer, the
// one excelize path that writes a formula together with its cached value.
type sheet struct {
	b    *book
	name string
	sw   *excelize.StreamWriter
}

// sheetSetup is the page and view set-up of a sheet.
type sheetSetup struct {
	widths     []float64
	freezeRows int
	freezeCols int
	titleRows  int // rows repeated on every printed page
}

// open prepares a sheet: print set-up must be in place before the stream
// writer reads the sheet, and panes and widths before the first row.
func (b *book) open(name string, s sheetSetup) (*sheet, error) {
	landscape, one, zero, yes := "landscape", 1, 0, true
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return nil, err
	}
	if err := b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + headerName(b.c.Name) + "&R&A", OddFooter: "&Lfinexport&RPage &P of &N"}); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	// Widths go in runs of equal ones: one call a run, not a column (each
	// call rewrites the sheet's column list).
	for i := 0; i < len(s.widths); {
		j := i
		for j+1 < len(s.widths) && s.widths[j+1] == s.widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j+1, s.widths[i]); err != nil {
			return nil, err
		}
		i = j + 1
	}
	if s.freezeRows > 0 || s.freezeCols > 0 {
		top, _ := excelize.CoordinatesToCellName(s.freezeCols+1, s.freezeRows+1)
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.freezeCols, YSplit: s.freezeRows, TopLeftCell: top, ActivePane: "bottomRight"}); err != nil {
			return nil, err
		}
	}
	if s.titleRows > 0 {
		b.names = append(b.names, &excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
			RefersTo: fmt.Sprintf("%s!$1:$%d", quoteSheet(name), s.titleRows)})
	}
	return &sheet{b: b, name: name, sw: sw}, nil
}

// insertDefinedNames puts the <definedNames> element where the schema
// wants it: after the sheets, before the calculation properties.
func insertDefinedNames(workbookXML, names []byte) ([]byte, error) {
	if bytes.Contains(workbookXML, []byte("<definedNames")) {
		return nil, fmt.Errorf("xl/workbook.xml already holds defined names")
	}
	at := bytes.Index(workbookXML, []byte("<calcPr"))
	if at < 0 {
		at = bytes.LastIndex(workbookXML, []byte("</workbook>"))
	}
	if at < 0 {
		return nil, fmt.Errorf("xl/workbook.xml: no place for the defined names")
	}
	out := append([]byte{}, workbookXML[:at]...)
	out = append(out, names...)
	return append(out, workbookXML[at:]...), nil
}

// headerName is the company's name as a page header holds it: escaped, and
// cut (with an ellipsis) so that the whole header stays within the 255
// characters Excel allows.
func headerName(name string) string {
	const room = 240 // 255 less the header's own codes
	var b strings.Builder
	n := 0
	for _, r := range name {
		w := 1
		if r == '&' {
			w = 2
		}
		if n+w > room-1 {
			b.WriteRune('…')
			break
		}
		if r == '&' {
			b.WriteString("&&")
		} else {
			b.WriteRune(r)
		}
		n += w
	}
	return b.String()
}

// shortName cuts a name to at most n characters, with an ellipsis, for
// the document properties.
func shortName(name string, n int) string {
	if utf8.RuneCountInString(name) <= n {
		return name
	}
	r := []rune(name)
	return string(r[:n-1]) + "…"
}

// row writes one row; nil cells are skipped.
func (s *sheet) row(n int, cells ...any) error {
	ref, _ := excelize.CoordinatesToCellName(1, n)
	return s.sw.SetRow(ref, cells)
}

// tallRow writes a row whose wrapped text needs lines lines.
func (s *sheet) tallRow(n, lines int, cells ...any) error {
	ref, _ := excelize.CoordinatesToCellName(1, n)
	return s.sw.SetRow(ref, cells, excelize.RowOpts{Height: float64(min(15*max(lines, 1), maxRowHeight))})
}

// linesFor estimates how many lines text takes wrapped in a column of the
// given width (in characters): the stream writer cannot size rows itself.
func linesFor(text string, width float64) int {
	perLine := max(int(width*1.1), 1)
	return (len([]rune(text)) + perLine - 1) / perLine
}

func (s *sheet) close() error { return s.sw.Flush() }

// Excel's limits.
const (
	maxCellText   = 32767 // characters in a cell
	maxFormula    = 8192  // characters in a formula
	maxRowHeight  = 409   // points
	maxRows       = 1048576
	maxCols       = 16384
	cutTextMarker = " …"
)

// text is a string cell: document text is never read as a formula. Text
// over Excel's limit is cut, with a mark.
func (b *book) text(v string, l look) excelize.Cell {
	if l.role == "" {
		l.role = roleText
	}
	if r := []rune(v); len(r) > maxCellText {
		v = string(r[:maxCellText-len(cutTextMarker)]) + cutTextMarker
	}
	return excelize.Cell{Value: v, StyleID: b.st.id(l)}
}

// input is an extracted figure.
func (b *book) input(d decimal.Decimal, numFmt string, extra look) excelize.Cell {
	extra.role, extra.numFmt = roleInput, numFmt
	return excelize.Cell{Value: number(d), StyleID: b.st.id(extra)}
}

// formula is a calculated cell with its cached value.
func (b *book) formula(f string, cached any, role, numFmt string, extra look) excelize.Cell {
	extra.role, extra.numFmt = role, numFmt
	return excelize.Cell{Formula: f, Value: cached, StyleID: b.st.id(extra)}
}

// notAvailable is the text a formula shows when a figure is not available.
const notAvailable = "n/a"

// guarded wraps a formula that may divide by zero.
func guarded(f string) string { return `IFERROR(` + f + `,"` + notAvailable + `")` }

// number turns a decimal into a spreadsheet number: integers exactly, other
// values as the nearest double (what a spreadsheet holds).
func number(d decimal.Decimal) any {
	if d.IsInteger() && d.Abs().LessThan(decimal.New(1, 15)) {
		return d.IntPart()
	}
	f, _ := d.Float64()
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return d.String() // beyond a spreadsheet's numbers: the figure as text
	}
	return f
}

// cached is a model value for a formula, or "n/a".
func cached(d decimal.Decimal, ok bool) any {
	if !ok {
		return notAvailable
	}
	return number(d)
}

// quoteSheet quotes a sheet name for a reference.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// ref is a reference to a cell on another sheet.
func ref(sheet string, col, row int) string {
	cell, _ := excelize.CoordinatesToCellName(col, row)
	return quoteSheet(sheet) + "!" + cell
}

// cellName is a reference on the same sheet.
func cellName(col, row int) string {
	cell, _ := excelize.CoordinatesToCellName(col, row)
	return cell
}

var reSheetBad = regexp.MustCompile(`[\[\]:*?/\\]`)

// SheetName makes a name Excel accepts: at most 31 characters, none of
// [ ] : * ? / \, not starting or ending with an apostrophe, not empty.
func SheetName(s string) string {
	s = reSheetBad.ReplaceAllString(s, "-")
	s = strings.Trim(s, "' ")
	if r := []rune(s); len(r) > 31 {
		s = strings.TrimRight(string(r[:31]), "' ")
	}
	if s == "" {
		s = "Sheet"
	}
	return s
}

// sourceText lists where a fact was stated, and any disagreement.
func sourceText(f *model.Fact) string {
	if f.Derived != nil {
		return "derived: " + f.DerivationText()
	}
	var parts []string
	for _, r := range f.Reported {
		parts = append(parts, r.Source.String())
	}
	s := strings.Join(parts, "; ")
	if f.Conflict {
		var vals []string
		for _, r := range f.Reported {
			vals = append(vals, r.Source.File+" states "+r.Value.String())
		}
		s = "CONFLICT: " + strings.Join(vals, "; ") + " (latest shown)"
	}
	return s
}
