package extract

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a readable account of everything extracted from a filing:
// metadata, each table with its columns, sections and rows, the prose
// facts, the checks and the diagnostics. It is meant for people reviewing
// what finexport read, and for golden tests.
func Dump(w io.Writer, f *Filing) {
	p := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	p("file %s", f.File)
	p("sha256 %s", f.SHA256)
	p("company %q ticker %q exchange %q", f.Company, f.Ticker, f.Exchange)
	p("release %s dateline %q", dateOrNone(f.ReleaseDate.Format(isoDate), f.ReleaseDate.IsZero()), f.Dateline)
	p("fiscal year end %s", dateOrNone(f.Calendar.YearEnd.Format("01-02"), f.Calendar.YearEnd.IsZero()))
	for _, t := range f.Titles {
		p("title %q", t)
	}
	for _, t := range f.Tables {
		dumpTable(p, t)
	}
	p("")
	p("prose facts")
	for _, x := range f.Facts {
		if x.Table < 0 {
			p("  line %d:%d-%d %s %s %s %s %q", x.Source.Line, x.Source.ColStart, x.Source.ColEnd,
				orDash(x.Item), x.Value, x.Unit, periodOrDash(x.Period), x.Label)
		}
	}
	p("")
	p("checks")
	for _, c := range f.Checks {
		if c.Status == NotRun {
			p("  %s %s | %s | %s | stated %s | %s | %s", c.Status, c.Kind, c.Name, periodOrDash(c.Period), c.Stated, c.Reason, sourceLines(c.Sources))
			continue
		}
		p("  %s %s | %s | %s | stated %s computed %s diff %s tol %s | %s", c.Status, c.Kind, c.Name, periodOrDash(c.Period),
			c.Stated, c.Computed.Round(6), c.Difference.Round(6), c.Tolerance, sourceLines(c.Sources))
	}
	p("")
	p("diagnostics")
	for _, d := range f.Diagnostics {
		p("  %s", d.Error())
	}
}

func dumpTable(p func(string, ...any), t *Table) {
	p("")
	p("table %d %s lines %d-%d scale %s scale-shares %v", t.Index, t.Kind, t.StartLine, t.EndLine, t.Scale, t.ScaleShares)
	if !t.ShareScale.IsZero() {
		p("  share scale %s", t.ShareScale)
	}
	if t.Currency != USD && t.Currency != "" {
		p("  currency %s", t.Currency)
	}
	for _, s := range t.Title {
		p("  title %q", s)
	}
	for i, c := range t.Columns {
		period := periodOrDash(c.Period)
		if c.Change {
			period = "change"
		}
		p("  column %d %q %s", i+1, c.Header, period)
	}
	for _, s := range t.Sections {
		p("  section %q line %d parent %d", s.Title, s.Line, s.Parent)
	}
	for _, r := range t.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, fmt.Sprintf("%d=%s", c.Column+1, c.Value))
		}
		label := fmt.Sprintf("%q", r.Label)
		if r.LabelInferred {
			label += " (inferred)"
		}
		p("  row %d %s section %d depth %d %s items %s %s | %s", r.Line, label, r.Section, r.Depth,
			orDash(string(r.Total)), orDash(strings.Join(r.Items, ",")), r.Unit, strings.Join(cells, " "))
	}
	for _, n := range t.Notes {
		p("  note %q", n)
	}
}

func sourceLines(srcs []Source) string {
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = fmt.Sprint(s.Line)
	}
	return "lines " + strings.Join(out, ",")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func periodOrDash(p Period) string {
	if p.IsZero() {
		return "-"
	}
	return p.String()
}

func dateOrNone(s string, zero bool) string {
	if zero {
		return "none"
	}
	return s
}
