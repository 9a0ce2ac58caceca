package pdfreport

import (
	"fmt"
	"sort"
	"strings"

	"finexport/extract"
	"finexport/extract/model"
)

// notes lists the sources, the derived figures and how, the conflicts, and
// the events of releases without statements.
func (r *report) notes() {
	r.section("Notes", true)
	r.heading("Source documents", 20)
	t := table{widths: []float64{50, 22, 112}, header: []string{"File", "Released", "Title"}, size: 7.5, text: true}
	for _, d := range r.c.Documents {
		date := ""
		if !d.ReleaseDate.IsZero() {
			date = d.ReleaseDate.Format("2006-01-02")
		}
		t.rows = append(t.rows, []string{d.Name(), date, d.Title})
	}
	r.drawTable(t)
	r.font("", 6.5)
	for _, d := range r.c.Documents {
		r.pdf.CellFormat(r.w, 3.5, "SHA-256 "+d.SHA256+"  "+d.Name(), "", 1, "L", false, 0, "")
		if url := d.FilingURL(); url != "" {
			r.pdf.SetTextColor(0, 0, 160)
			r.pdf.CellFormat(r.w, 3.5, "    "+d.Filing()+": "+url, "", 1, "L", false, 0, url)
			r.pdf.SetTextColor(0, 0, 0)
		}
	}
	r.pdf.Ln(3)
	r.derivedNotes()
	r.conflictNotes()
	r.eventNotes()
}

// derivedNotes says which periods are derived and from what.
func (r *report) derivedNotes() {
	byPeriod := map[string][]*model.Fact{}
	var order []string
	for _, f := range r.c.Facts {
		if f.Derived == nil {
			continue
		}
		if _, ok := byPeriod[f.Period.Name]; !ok {
			order = append(order, f.Period.Name)
		}
		byPeriod[f.Period.Name] = append(byPeriod[f.Period.Name], f)
	}
	r.heading("Derived figures", 20)
	if len(order) == 0 {
		r.note("Every figure was reported by a release; none was derived.")
		return
	}
	r.font("", 8.5)
	for _, p := range order {
		facts := byPeriod[p]
		formulas := map[string][]string{}
		var keys []string
		for _, f := range facts {
			k := f.DerivationText()
			if _, ok := formulas[k]; !ok {
				keys = append(keys, k)
			}
			name := f.Item
			if it, ok := r.c.Templates().Item(f.Item); ok {
				name = it.Name
			}
			formulas[k] = append(formulas[k], name)
		}
		for _, k := range keys {
			r.pdf.MultiCell(r.w, 4.2, fmt.Sprintf("%s = %s, for %d items: %s.", p, k, len(formulas[k]), strings.Join(formulas[k], ", ")), "", "L", false)
		}
	}
	r.note("Per-share figures and share counts are never derived by subtraction; they are left out of derived quarters.")
	r.pdf.Ln(2)
}

// conflictNotes lists the figures releases disagree on.
func (r *report) conflictNotes() {
	r.heading("Conflicts between releases", 15)
	var lines []string
	for _, ch := range r.c.Checks {
		if ch.Kind == extract.Conflict {
			lines = append(lines, fmt.Sprintf("%s at %s: %s. The latest release's figure is shown.", ch.Name, r.c.Calendar.Name(ch.Period).Name, ch.Detail))
		}
	}
	if len(lines) == 0 {
		r.note("Where releases report the same figure, they agree.")
		return
	}
	r.font("", 8.5)
	r.pdf.SetTextColor(170, 0, 0)
	for _, l := range lines {
		r.pdf.MultiCell(r.w, 4.2, l, "", "L", false)
	}
	r.pdf.SetTextColor(0, 0, 0)
	r.pdf.Ln(2)
}

// eventNotes quotes the sentences that carry the figures of releases
// without statements: a financing, a share sale, warrants.
func (r *report) eventNotes() {
	if len(r.c.Events) == 0 {
		return
	}
	r.heading("Events in releases without statements", 20)
	byDoc := map[string][]extract.Fact{}
	var docs []string
	for _, e := range r.c.Events {
		if _, ok := byDoc[e.Document]; !ok {
			docs = append(docs, e.Document)
		}
		byDoc[e.Document] = append(byDoc[e.Document], e)
	}
	sort.Strings(docs)
	for _, d := range docs {
		title := model.DocName(d)
		if doc, ok := r.c.DocumentOf(d); ok {
			title = doc.ReleaseDate.Format("2006-01-02") + ": " + doc.Title + " (" + doc.Name() + ")"
		}
		r.font("B", 8.5)
		r.pdf.MultiCell(r.w, 4.2, title, "", "L", false)
		r.font("", 8.5)
		seen := map[string]bool{}
		for _, e := range byDoc[d] {
			if seen[e.Sentence] {
				continue
			}
			seen[e.Sentence] = true
			var figures []string
			for _, x := range byDoc[d] {
				if x.Sentence == e.Sentence {
					figures = append(figures, proseFigure(x))
				}
			}
			r.pdf.MultiCell(r.w, 4.2, "• "+e.Sentence+" ["+strings.Join(figures, "; ")+"; line "+fmt.Sprint(e.Source.Line)+"]", "", "L", false)
		}
		r.pdf.Ln(1)
	}
}

// proseFigure writes a figure read from prose with its unit. Prose
// percentages are facts in percent (6 for "6%"), not fractions.
func proseFigure(x extract.Fact) string {
	switch x.Unit {
	case extract.Percent:
		return model.Display(x.Value.Shift(-2), model.ShowPercent)
	case extract.PerShare:
		return model.Display(x.Value, model.ShowPerShare) + " USD per share"
	case extract.Shares:
		return model.Display(x.Value, model.ShowShares) + " shares"
	}
	return model.Display(x.Value, model.ShowMoney) + " USD"
}
