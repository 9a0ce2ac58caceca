package workbook

import (
	"github.com/xuri/excelize/v2"
	"strings"

	"finexport/extract/model"
)

// writeCover writes the cover: who and what, the sources, the master check
// status as a live link to the Checks sheet, and the colour legend.
func (b *book) writeCover() error {
	s, err := b.open(CoverSheet, sheetSetup{widths: []float64{26, 16, 68, 80, 46}})
	if err != nil {
		return err
	}
	c := b.c
	ticker := c.Ticker
	if c.Exchange != "" && ticker != "" {
		ticker = c.Exchange + ": " + ticker
	}
	bold := look{bold: true}
	rows := [][]excelize.Cell{
		{b.text(c.Name, look{role: roleTitle})},
		{b.text("Financial model built by finexport from the company's earnings releases", look{role: roleNote})},
		nil,
		{b.text("Company", bold), b.text(c.Name, look{})},
		{b.text("Ticker", bold), b.text(ticker, look{})},
		{b.text("Fiscal year end", bold), b.text(c.Calendar.YearEnd.Format("January 2"), look{})},
	}
	for _, k := range []struct {
		title string
		list  []model.FiscalPeriod
	}{{"Quarters", c.QuarterTrend()}, {"Full years", c.AnnualTrend()}, {"Balance sheets at", c.BalanceDates()}} {
		if len(k.list) == 0 {
			continue
		}
		var names []string
		for _, p := range k.list {
			names = append(names, b.periodHeading(p))
		}
		rows = append(rows, []excelize.Cell{b.text(k.title, bold), b.text(strings.Join(names, ", "), look{})})
	}
	status, fill := statusWord(c.Status())
	what := "Every tie-out, conflict and prose claim; see the Checks sheet"
	if status == statusNoCheck {
		what = "No check ran: nothing in the releases could be checked; see the Checks sheet"
	}
	rows = append(rows,
		[]excelize.Cell{b.text("Check status", bold), b.formula(ChecksSheet+"!$B$2", status, roleLink, "", look{bold: true, fill: fill}),
			b.text(what, look{role: roleNote})},
		nil,
		[]excelize.Cell{b.text("Source documents", look{role: roleSection})},
		[]excelize.Cell{b.text("File", look{role: roleHeader}), b.text("Release date", look{role: roleHeader}), b.text("SHA-256", look{role: roleHeader}), b.text("Title", look{role: roleHeader}), b.text("Filing on EDGAR", look{role: roleHeader})},
	)
	for _, d := range c.Documents {
		date := ""
		if !d.ReleaseDate.IsZero() {
			date = d.ReleaseDate.Format("2006-01-02")
		}
		row := []excelize.Cell{b.text(d.Name(), look{}), b.text(date, look{}), b.text(d.SHA256, look{}), b.text(d.Title, look{})}
		if d.Filing() != "" {
			row = append(row, b.hyperlink(d.FilingURL(), d.Filing(), look{}))
		}
		rows = append(rows, row)
	}
	rows = append(rows, nil, []excelize.Cell{b.text("Legend", look{role: roleSection})},
		[]excelize.Cell{b.text("1,234", look{role: roleInput}), b.text("Input: a figure extracted from a release; its source stands beside it", look{})},
		[]excelize.Cell{b.text("1,234", look{role: roleFormula}), b.text("Calculation: a formula", look{})},
		[]excelize.Cell{b.text("1,234", look{role: roleLink}), b.text("Link: a reference to another sheet", look{})},
		[]excelize.Cell{b.text("1,234", look{role: roleFormula, fill: fillDerived}), b.text("Derived quarter: no release reports it; computed from other periods", look{})},
		[]excelize.Cell{b.text("1,234", look{role: roleInput, fill: fillConflict}), b.text("Conflict: releases disagree; the latest release's value is shown, both are on the Checks sheet", look{})},
		[]excelize.Cell{b.text(notAvailable, look{}), b.text("Not available: an input is missing or a denominator is zero", look{})},
		[]excelize.Cell{b.text(model.NotMeaningful, look{}), b.text("Not meaningful: a % change from a zero or negative base, or a cash runway when no cash is burned", look{})},
		[]excelize.Cell{b.text("1.2 pp", look{}), b.text("Percentage points: the change of a margin", look{})},
	)
	for i, r := range rows {
		if r == nil {
			continue
		}
		if err := s.row(i+1, r...); err != nil {
			return err
		}
	}
	return s.close()
}
