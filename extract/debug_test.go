package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestDebugDump(t *testing.T) {
	name := os.Getenv("DUMP")
	if name == "" {
		t.Skip()
	}
	fh, _ := os.Open(name)
	f, err := (&Parser{}).Parse(fh, name)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("== %s company=%q ticker=%q/%q date=%s dateline=%q titles=%q fye=%s\n", name, f.Company, f.Ticker, f.Exchange, f.ReleaseDate.Format("2006-01-02"), f.Dateline, f.Titles, f.FiscalYearEnd.Format("01-02"))
	for _, tb := range f.Tables {
		fmt.Printf("-- table %d %s lines %d-%d title=%q scale=%s shares=%v\n", tb.Index, tb.Kind, tb.StartLine, tb.EndLine, tb.Title, tb.Scale, tb.ScaleShares)
		for _, c := range tb.Columns {
			fmt.Printf("   col [%d,%d) %q -> %s change=%v\n", c.Left, c.Right, c.Header, c.Period.Key(), c.Change)
		}
		for _, s := range tb.Sections {
			fmt.Printf("   section %q line %d parent %d\n", s.Title, s.Line, s.Parent)
		}
		for _, r := range tb.Rows {
			fmt.Printf("   row %d %-45q sec=%d closes=%d depth=%d %s %v %s:", r.Line, r.Label, r.Section, r.Closes, r.Depth, r.Total, r.Items, r.Unit)
			for _, c := range r.Cells {
				fmt.Printf(" [%d]%s", c.Column, c.Value)
			}
			fmt.Println()
		}
		fmt.Printf("   notes %q\n", tb.Notes)
	}
	for _, x := range f.Facts {
		if x.Table < 0 {
			fmt.Printf("  prose L%d %-20s %-10s %s %s %q\n", x.Source.Line, x.Item, x.Unit, x.Value, x.Period.Key(), x.Label)
		}
	}
	for _, c := range f.Checks {
		fmt.Printf("   check %s %s %s stated=%s computed=%s tol=%s %s\n", c.Name, c.Period.Key(), c.Status, c.Stated, c.Computed.Round(4), c.Tolerance, c.Expr)
	}
	for _, d := range f.Diagnostics {
		fmt.Println("   diag", d.Error())
	}
}
