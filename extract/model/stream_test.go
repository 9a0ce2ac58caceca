package model

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"finexport/extract"
	"finexport/extract/synthetic"
)

// TestStreamBuildsTheSame: a release's company built from its facts as
// they are made (ParseStream into a Stream) is the one BuildOne builds
// from the release read whole - timeline, plan, metrics, checks,
// identity and diagnostics, in order - on the samples, the variants, the
// HTML samples, a generated long table, and every corpus release when the
// corpus is beside the repository.
func TestStreamBuildsTheSame(t *testing.T) {
	files := []string{}
	for _, glob := range []string{"../../testdata/filings/*", "../../testdata/variants/*", "../../testdata/html/*.htm", "../../../shared/corpus/*/*"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	if len(files) < 7 {
		t.Fatalf("%d releases found", len(files))
	}
	if m, _ := filepath.Glob("../../../shared/corpus/*/*"); len(m) == 0 && os.Getenv("FINEXPORT_REQUIRE_CORPUS") == "1" {
		t.Fatal("no corpus (FINEXPORT_REQUIRE_CORPUS=1)")
	}
	fye := []Options{{}, {FiscalYearEnd: time.Date(2000, 9, 30, 0, 0, 0, 0, time.UTC)}}
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, opts := range fye {
			sameStream(t, filepath.Base(path), raw, opts)
		}
	}
	big := synthetic.Big(1, 2000, 170)
	sameStream(t, big.Name, big.Data, Options{})
}

func sameStream(t *testing.T, name string, raw []byte, opts Options) {
	t.Helper()
	p := &extract.Parser{DropRows: true, FiscalYearEnd: opts.FiscalYearEnd}
	whole, err := p.Parse(bytes.NewReader(raw), name)
	if err != nil {
		return // not a release: Stream never sees it
	}
	want := companyText(BuildOne([]*extract.Filing{whole}, Options{FiscalYearEnd: opts.FiscalYearEnd, Consume: true}))
	s := NewStream(opts)
	f, err := p.ParseStream(bytes.NewReader(raw), name, s.Add)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if got := companyText(s.Company(f)); got != want {
		t.Errorf("%s (%v): the streamed company differs:\n%s", name, opts.FiscalYearEnd, firstDiff(want, got))
	}
	if f.Facts != nil || f.Checks != nil {
		t.Errorf("%s: the streamed release keeps facts or checks", name)
	}
}

// companyText is everything a company holds that an output shows.
func companyText(c *Company) string {
	var b bytes.Buffer
	Dump(&b, c)
	fmt.Fprintf(&b, "%s %s %s\n%+v\n%+v\n", c.Name, c.Ticker, c.Exchange, c.Documents, c.Calendar)
	for _, ch := range c.Checks { // what Dump leaves out: what each check read
		fmt.Fprintf(&b, "%s %v %s %s %v\n", ch.Name, ch.Sources, ch.Tolerance, ch.Detail, ch.Bound)
		for _, id := range slices.Sorted(maps.Keys(ch.Operands)) {
			fmt.Fprintf(&b, "  %s=%s@%s\n", id, ch.Operands[id].Value, ch.Operands[id].Source)
		}
		for _, g := range ch.Terms {
			fmt.Fprintf(&b, "  +%s@%s\n", g.Value, g.Source)
		}
	}
	for _, d := range c.Diagnostics {
		fmt.Fprintln(&b, d.Error(), d.Text)
	}
	for _, a := range c.SetAside {
		fmt.Fprintf(&b, "%+v %s\n", a.Fact, a.Why)
	}
	for _, x := range append(c.Narrative, c.Events...) {
		fmt.Fprintf(&b, "%+v\n", x)
	}
	return b.String()
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-200)
	return fmt.Sprintf("want ...%s\n got ...%s", a[lo:min(len(a), i+200)], b[lo:min(len(b), i+200)])
}
