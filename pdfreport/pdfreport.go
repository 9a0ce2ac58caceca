// Package pdfreport renders a company model (extract/model) as a PDF
// summary meant to be emailed: the headline figures, charts, the
// statements and notes on sources, derivations, conflicts and events.
//
// Every figure, ratio and label comes from the model and the templates'
// definitions, and is written with the model's display rules, so the PDF
// shows the same digits as the workbook. Fonts are embedded TrueType (the
// Go fonts); dates come from the releases, so the same input gives the
// same bytes.
package pdfreport

import (
	"fmt"
	"io"
	"strings"

	"finexport/extract/model"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
)

// Paper sizes.
const (
	Letter = "letter"
	A4     = "a4"
)

// Options configure Write.
type Options struct {
	Paper string // Letter (default) or A4
}

const family = "Go"

// report is a PDF being written.
type report struct {
	pdf *fpdf.Fpdf
	c   *model.Company
	w   float64 // usable width
}

// Write renders the company as a PDF to w. An internal failure is an error
// naming the company, never a crash of the whole run.
func Write(w io.Writer, c *model.Company, opts Options) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("PDF for %s: internal error: %v", c.Name, r)
		}
	}()
	size := "Letter"
	switch strings.ToLower(opts.Paper) {
	case "", Letter:
	case A4:
		size = "A4"
	default:
		return fmt.Errorf("paper %q: want letter or a4", opts.Paper)
	}
	pdf := fpdf.New("P", "mm", size, "")
	r := &report{pdf: pdf, c: c}
	r.setUp()
	r.summary()
	r.charts()
	r.statements()
	r.notes()
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(w)
}

// setUp embeds the fonts and sets the metadata, margins, header and footer.
func (r *report) setUp() {
	pdf := r.pdf
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	stamp := r.c.LatestRelease()
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	pdf.SetTitle(r.c.Name+" — earnings summary", true)
	// The tool wrote the file, not the company: the company is the subject.
	pdf.SetSubject(r.c.Name+": figures extracted from its filings, checked", true)
	pdf.SetAuthor("finexport", true)
	pdf.SetCreator("finexport", true)
	pdf.SetKeywords(strings.TrimSpace(r.c.Ticker+" "+r.c.Exchange), true)
	pdf.AddUTF8FontFromBytes(family, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(family, "B", gobold.TTF)
	pdf.AddUTF8FontFromBytes(family, "I", goitalic.TTF)
	pdf.SetMargins(16, 20, 16)
	pdf.SetAutoPageBreak(true, 18)
	pdf.AliasNbPages("{nb}")
	pageW, _ := pdf.GetPageSize()
	r.w = pageW - 32
	pdf.SetHeaderFunc(func() {
		pdf.SetY(9)
		r.font("", 7.5)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(r.w/2, 4, r.c.Name+tickerSuffix(r.c), "", 0, "L", false, 0, "")
		pdf.CellFormat(r.w/2, 4, "Earnings summary by finexport", "", 1, "R", false, 0, "")
		pdf.SetDrawColor(180, 180, 180)
		pdf.Line(16, 14, 16+r.w, 14)
		pdf.SetTextColor(0, 0, 0)
		pdf.SetY(20)
	})
	pdf.SetFooterFunc(func() {
		pdf.SetY(-13)
		r.font("", 7.5)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(r.w/2, 4, "Sources: "+fmt.Sprint(len(r.c.Documents))+" release(s); see Notes", "", 0, "L", false, 0, "")
		pdf.CellFormat(r.w/2, 4, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
		pdf.SetTextColor(0, 0, 0)
	})
}

func tickerSuffix(c *model.Company) string {
	if c.Ticker == "" {
		return ""
	}
	if c.Exchange != "" {
		return " (" + c.Exchange + ": " + c.Ticker + ")"
	}
	return " (" + c.Ticker + ")"
}

func (r *report) font(style string, size float64) { r.pdf.SetFont(family, style, size) }

// section starts a titled part of the report, with a bookmark.
func (r *report) section(title string, newPage bool) {
	if newPage {
		r.pdf.AddPage()
	}
	r.pdf.Bookmark(title, 0, -1)
	r.font("B", 13)
	r.pdf.CellFormat(r.w, 8, title, "", 1, "L", false, 0, "")
	r.pdf.Ln(1)
}

// heading is a smaller title within a section; it moves to a new page
// when less than need millimetres remain.
func (r *report) heading(title string, need float64) {
	_, pageH := r.pdf.GetPageSize()
	if r.pdf.GetY()+need > pageH-20 {
		r.pdf.AddPage()
	}
	r.pdf.Bookmark(title, 1, -1)
	r.font("B", 10)
	r.pdf.CellFormat(r.w, 6, title, "", 1, "L", false, 0, "")
}

func (r *report) note(text string) {
	r.font("I", 8)
	r.pdf.SetTextColor(80, 80, 80)
	r.pdf.MultiCell(r.w, 4, text, "", "L", false)
	r.pdf.SetTextColor(0, 0, 0)
}
