package workbook

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// DataTable is the name of the Excel Table of facts.
const DataTable = "Facts"

// dataHeader is the columns of `finexport facts`, the fiscal period, how
// the figure came to be, and the filing on EDGAR when its SEC header
// names it (the accession linked there).
var dataHeader = append(append([]string{}, extract.FactsHeader...), "period", "source", "cik", "accession")

// dataValueCol is the column of the figures on the Data sheet.
var dataValueCol = slices.Index(dataHeader, "value") + 1

// writeData writes one row per fact as an Excel Table, for Power Query and
// pivot tables: the merged facts (derived quarters included), every other
// value a conflict reported, the figures on no period (change and
// unresolved columns, second values a document stated), and the figures
// in the prose. Nothing read is left out.
func (b *book) writeData() error {
	b.dataFactRow, b.dataSourceRow = map[*model.Fact]int{}, map[extract.Source]int{}
	if n := 1 + len(b.c.Facts) + conflictRows(b.c.Facts) + len(b.c.SetAside) + len(b.c.Narrative); n > maxRows {
		return fmt.Errorf("%s has %d facts: more than an Excel sheet holds (%d rows); use finexport facts for a CSV of them", b.c.Name, n-1, maxRows)
	}
	widths := []float64{30, 22, 11, 24, 46, 12, 12, 8, 15, 10, 7, 14, 12, 10, 22}
	s, err := b.open(DataSheet, sheetSetup{widths: widths, freezeRows: 1, titleRows: 1})
	if err != nil {
		return err
	}
	var head []excelize.Cell
	for _, h := range dataHeader {
		head = append(head, b.text(h, look{role: roleHeader}))
	}
	if err := s.tableHeader(head...); err != nil {
		return err
	}
	row := 2
	for _, f := range b.c.Facts {
		if err := s.row(row, b.factRow(f)...); err != nil {
			return err
		}
		if _, shown := b.shownAt(f); !shown {
			b.dataFactRow[f] = row
		}
		row++
	}
	for _, f := range b.c.Facts { // the values beside the one used
		why := "agrees within rounding; not used"
		if f.Conflict {
			why = "conflict; not used"
		}
		for _, r := range f.Reported {
			if r.Value.Equal(f.Value) {
				continue
			}
			cells := b.dataCells(r.Source.File, string(f.Statement), f.Item, r.Label, f.Period.Period, r.Value, f.Unit,
				strconv.Itoa(r.Source.Line), f.Period.Name, why)
			if err := s.row(row, cells...); err != nil {
				return err
			}
			b.dataSourceRow[r.Source] = row
			row++
		}
	}
	for _, a := range b.c.SetAside {
		if err := s.row(row, b.extractRow(a.Fact, a.Why)...); err != nil {
			return err
		}
		b.dataSourceRow[a.Fact.Source] = row
		row++
	}
	for _, x := range b.c.Narrative {
		if err := s.row(row, b.extractRow(x, "prose")...); err != nil {
			return err
		}
		row++
	}
	if err := s.sw.AddTable(&excelize.Table{Range: "A1:" + cellName(len(dataHeader), max(row-1, 2)), Name: DataTable, StyleName: "TableStyleLight9"}); err != nil {
		return err
	}
	return s.close()
}

// conflictRows counts the values of conflicts beside the ones used.
func conflictRows(facts []*model.Fact) int {
	n := 0
	for _, f := range facts {
		for _, r := range f.Reported {
			if !r.Value.Equal(f.Value) {
				n++
			}
		}
	}
	return n
}

func (b *book) factRow(f *model.Fact) []excelize.Cell {
	doc, line, source := "", "", "derived"
	if len(f.Reported) > 0 {
		r := f.Reported[len(f.Reported)-1]
		doc, line, source = r.Source.File, strconv.Itoa(r.Source.Line), "reported"
	}
	return b.dataCells(doc, string(f.Statement), f.Item, f.Label, f.Period.Period, f.Value, f.Unit, line, f.Period.Name, source)
}

// extractRow is a row for a figure as a document gave it (a prose figure,
// one set aside), with where it stands.
func (b *book) extractRow(x extract.Fact, source string) []excelize.Cell {
	period := ""
	if !x.Period.IsZero() {
		period = b.c.Calendar.Name(x.Period).Name
	}
	return b.dataCells(x.Document, string(x.Statement), x.Item, x.Label, x.Period, x.Value, x.Unit, strconv.Itoa(x.Source.Line), period, source)
}

func (b *book) dataCells(doc, statement, item, label string, p extract.Period, value decimal.Decimal, unit extract.Unit, line, period, source string) []excelize.Cell {
	start, end, months := "", "", excelize.Cell{}
	if !p.IsZero() {
		end = p.End.Format("2006-01-02")
		if !p.IsInstant() {
			start = p.Start.Format("2006-01-02")
			months.Value = p.Months
		}
	}
	var lineCell excelize.Cell
	if n, err := strconv.Atoi(line); err == nil {
		lineCell.Value = n
	}
	t := look{}
	filing, cik, accession := b.filingOf(doc)
	return append(b.rowCells(0), b.text(model.DocName(doc), t), b.text(b.c.Name, t), b.text(statement, t), b.text(item, t), b.text(label, t),
		b.text(start, t), b.text(end, t), months, b.input(value, unitFormat(unit), look{}), b.text(string(unit), t),
		lineCell, b.text(period, look{apart: true}), b.text(source, t), b.text(cik, t), b.hyperlink(filing, accession, t))
}

// filingOf is the EDGAR address, CIK and accession number of a source
// document's filing; all "" unless its SEC header names them.
func (b *book) filingOf(file string) (url, cik, accession string) {
	doc, ok := b.c.DocumentOf(file)
	if !ok || doc.FilingURL() == "" {
		return "", "", ""
	}
	return doc.FilingURL(), doc.CIK, doc.Accession
}

// writeNames defines a name for every item and metric of every period,
// such as revenue_Q2_FY2004, so that other models can link to the figures;
// balances take the name of the quarter they close (cash_Q2_FY2004).
func (b *book) writeNames() error {
	seen := map[string]bool{}
	add := func(name, target string) {
		if target == "" || seen[name] {
			return
		}
		seen[name] = true
		sheet, cell, _ := strings.Cut(target, "!")
		b.names = append(b.names, nameFor(name, strings.Trim(strings.ReplaceAll(sheet, "''", "'"), "'"), absolute(cell)))
	}
	for _, f := range b.c.Facts {
		if f.Item != "" {
			add(f.Item+"_"+nameSafe(sheetKeyFor(b.c, *f.Period)), b.layout.cellOf(b.c, f))
		}
	}
	for _, lr := range b.layout.rows {
		if lr.kind != rowMetric {
			continue
		}
		for _, ps := range b.layout.periods {
			for i, p := range []*model.FiscalPeriod{ps.main, ps.ytd} {
				if p != nil {
					if mv, ok := b.c.Metric(lr.metric.ID, p.Name); ok && mv.Available {
						add(lr.metric.ID+"_"+nameSafe(p.Name), ref(ps.name, colMain+i, lr.row))
					}
				}
			}
		}
	}
	return nil
}

// definedNamesXML renders the defined names for xl/workbook.xml. excelize's
// SetDefinedName checks each new name against all the others, which is
// quadratic in their number; the names are written in one piece instead.
func (b *book) definedNamesXML() ([]byte, error) {
	if len(b.names) == 0 {
		return nil, nil
	}
	index := map[string]int{}
	for i, name := range b.layout.sheetOrder() {
		index[name] = i
	}
	var buf bytes.Buffer
	buf.WriteString("<definedNames>")
	for _, n := range b.names {
		buf.WriteString(`<definedName name="`)
		if err := xml.EscapeText(&buf, []byte(n.Name)); err != nil {
			return nil, err
		}
		buf.WriteString(`"`)
		if n.Scope != "" && n.Scope != "Workbook" {
			fmt.Fprintf(&buf, ` localSheetId="%d"`, index[n.Scope])
		}
		buf.WriteString(">")
		if err := xml.EscapeText(&buf, []byte(n.RefersTo)); err != nil {
			return nil, err
		}
		buf.WriteString("</definedName>")
	}
	buf.WriteString("</definedNames>")
	return buf.Bytes(), nil
}

// sheetKeyFor names a fact's period for its defined name: balances by the
// quarter they close.
func sheetKeyFor(c *model.Company, p model.FiscalPeriod) string {
	if p.Kind == model.Instant {
		return sheetKey(c, p)
	}
	return p.Name
}

var reNameBad = regexp.MustCompile(`[^A-Za-z0-9_]`)

func nameSafe(s string) string { return reNameBad.ReplaceAllString(s, "_") }

func nameFor(name, sheet, cell string) *excelize.DefinedName {
	return &excelize.DefinedName{Name: name, RefersTo: quoteSheet(sheet) + "!" + cell}
}

// absolute turns C6 into $C$6.
func absolute(cell string) string {
	i := strings.IndexFunc(cell, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 {
		return cell
	}
	return "$" + cell[:i] + "$" + cell[i:]
}
