package workbook

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"finexport/extract"
	"finexport/extract/model"
	"finexport/templates"

	"github.com/xuri/excelize/v2"
)

// burnRelease is a made-up first quarter with a cash-flow statement: cash
// 3,000,000, net cash used in operating activities (400,000), a net loss
// of (200,000) and a printed gross margin of 33.3%.
const burnRelease = "../testdata/cashflow/beta_q1_cash_burn.txt"

func companyOf(t *testing.T, raw []byte, name string, set *templates.Set) *model.Company {
	t.Helper()
	f, err := (&extract.Parser{Templates: set}).Parse(bytes.NewReader(raw), name)
	if err != nil {
		t.Fatal(err)
	}
	return model.Build([]*extract.Filing{f}, model.Options{Templates: set})[0]
}

func burnCompany(t *testing.T, edit func(string) string) *model.Company {
	t.Helper()
	raw, err := os.ReadFile(burnRelease)
	if err != nil {
		t.Fatal(err)
	}
	return companyOf(t, []byte(edit(string(raw))), "beta_q1_cash_burn.txt", nil)
}

// generating turns the quarter's operating cash outflow into an inflow.
func generating(s string) string {
	return strings.NewReplacer(
		"Net cash used in operating activities (400,000)", "Net cash from operating activities      100,000 ",
		"Net decrease in cash                  (400,000)", "Net increase in cash                    100,000 ",
	).Replace(s)
}

// rowOf finds the row whose first cell is label.
func rowOf(t *testing.T, f *excelize.File, sheet, label string) int {
	t.Helper()
	r := rowAt(t, f, sheet, label)
	if r == 0 {
		t.Fatalf("%s has no row %q", sheet, label)
	}
	return r
}

// shown is a cell as a spreadsheet shows it, under its number format.
func shown(t *testing.T, f *excelize.File, sheet string, col, row int) string {
	t.Helper()
	ref, _ := excelize.CoordinatesToCellName(col, row)
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(v)
}

// Issue 12 point 2: (93,000) to 436,000 is not a +568.8% change but "n/m";
// 11,493,000 to 12,412,000 is +8.0%.
func TestPercentChangeAcrossSignFlipIsNotMeaningful(t *testing.T) {
	raw, err := os.ReadFile("../testdata/variants/acme_dec_thousands_crlf_cp1252.txt")
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, render(t, companyOf(t, raw, "acme.txt", nil)))
	const sheet = "Q4 FY2003 vs Q4 FY2002"
	ni := rowOf(t, f, sheet, "Net income (loss)")
	formula, v := cell(t, f, sheet, cellName(6, ni))
	if v != "n/m" || !strings.Contains(formula, `"n/m"`) || strings.Contains(formula, "ABS") {
		t.Errorf("net income %% change = %q (formula %q), want n/m from an IF", v, formula)
	}
	if got := shown(t, f, sheet, 6, rowOf(t, f, sheet, "Revenue")); got != "8.0%" {
		t.Errorf("revenue %% change shows %q, want 8.0%%", got)
	}
	// The Cover's legend says what n/m means.
	rows, _ := f.GetRows(CoverSheet)
	if r := rows[rowOf(t, f, CoverSheet, "n/m")-1]; len(r) < 2 || !strings.HasPrefix(r[1], "Not meaningful") {
		t.Errorf("Cover legend for n/m: %q", r)
	}
}

// Issue 12 point 3: gross margin from 17.5% to 32.1% moved 14.5 points
// (802,000 / 2,500,000 - 412,000 / 2,350,000 = 0.14548), not "14.5%".
func TestMarginChangeInPoints(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	const sheet = "Q2 FY2004 vs Q2 FY2003"
	row := rowOf(t, f, sheet, "Gross margin")
	if got := shown(t, f, sheet, 5, row); got != "14.5 pp" {
		t.Errorf("gross margin change shows %q, want 14.5 pp", got)
	}
	if formula, _ := cell(t, f, sheet, cellName(5, row)); !strings.HasSuffix(formula, "*100") && !strings.Contains(formula, "*100,") {
		t.Errorf("gross margin change formula %q: want the difference in points", formula)
	}
}

// Issue 12 point 8: runway on the quarter's operating cash burn when a
// cash-flow statement gives one (3,000,000 / 400,000 = 7.5 quarters), in
// plain IF logic; a cash-generating quarter shows "n/m", never a number.
func TestCashRunwayOnOperatingCashBurn(t *testing.T) {
	f := open(t, render(t, burnCompany(t, func(s string) string { return s })))
	burn := rowOf(t, f, LiquiditySheet, "Runway on operating cash burn (quarters)")
	loss := rowOf(t, f, LiquiditySheet, "Runway on net loss (quarters)")
	col := liquidityColumn(t, f, "2004-03-31")
	formula, v := cell(t, f, LiquiditySheet, cellName(col, burn))
	if v != "7.5" || !strings.Contains(formula, "IF(") || strings.Contains(formula, "MIN(") || strings.Contains(formula, "FALSE") {
		t.Errorf("runway = %q (formula %q), want 7.5 from plain IF logic", v, formula)
	}
	if formula, v := cell(t, f, LiquiditySheet, cellName(col, loss)); formula != "" || v != "" {
		t.Errorf("runway on net loss beside a cash-flow statement = %q (formula %q), want blank", v, formula)
	}

	f = open(t, render(t, burnCompany(t, generating)))
	if _, v := cell(t, f, LiquiditySheet, cellName(col, burn)); v != "n/m" {
		t.Errorf("runway of a cash-generating quarter = %q, want n/m", v)
	}
}

func liquidityColumn(t *testing.T, f *excelize.File, date string) int {
	t.Helper()
	rows, _ := f.GetRows(LiquiditySheet)
	for i, v := range rows[headerRow-1] {
		if v == date {
			return i + 1
		}
	}
	t.Fatalf("no column %s in %v", date, rows[headerRow-1])
	return 0
}

// Issue 12 point 4: a percent fact holds the figure as printed (33.3 for
// 33.3%) and shows as a number beside its unit, never as 3330.0%.
func TestDataSheetPercentFacts(t *testing.T) {
	f := open(t, render(t, burnCompany(t, func(s string) string { return s })))
	rows, _ := f.GetRows(DataSheet)
	found := 0
	for i, r := range rows {
		if len(r) > 9 && r[4] == "Gross margin" {
			found++
			value, unit := shown(t, f, DataSheet, 9, i+1), r[9]
			if value != "33.3" && value != "37.5" || unit != "percent" {
				t.Errorf("Data row %d: %q %q, want 33.3 or 37.5, percent", i+1, value, unit)
			}
		}
	}
	if found != 2 {
		t.Errorf("%d printed margins on the Data sheet, want 2", found)
	}
	// The period sheets show them as printed too, never 3330.0%.
	for sheet, want := range map[string]string{"Q1 FY2004": "33.3", "Q1 FY2003": "37.5"} {
		row := 0
		sheetRows, _ := f.GetRows(sheet)
		for i, r := range sheetRows {
			ref, _ := excelize.CoordinatesToCellName(3, i+1)
			if formula, _ := f.GetCellFormula(sheet, ref); len(r) > 2 && r[0] == "Gross margin" && r[1] == "percent" && formula == "" {
				row = i + 1 // the printed figure, not the margin's formula
			}
		}
		if row == 0 {
			t.Errorf("%s has no printed gross margin row", sheet)
			continue
		}
		if got := shown(t, f, sheet, 3, row); got != want {
			t.Errorf("%s printed gross margin shows %q, want %q", sheet, got, want)
		}
	}
}

// defaultWithout is the embedded set without the given metrics.
func defaultWithout(t *testing.T, ids ...string) *templates.Set {
	t.Helper()
	files := fstest.MapFS{}
	for _, name := range []string{templates.ItemsFile, templates.SynonymsFile, templates.ChecksFile, templates.MetricsFile} {
		data, err := fs.ReadFile(templates.DefaultFS(), name)
		if err != nil {
			t.Fatal(err)
		}
		if name == templates.MetricsFile {
			var keep []string
			for _, line := range strings.Split(string(data), "\n") {
				id, _, _ := strings.Cut(line, "|")
				if !slices.Contains(ids, strings.TrimSpace(id)) {
					keep = append(keep, line)
				}
			}
			data = []byte(strings.Join(keep, "\n"))
		}
		files[name] = &fstest.MapFile{Data: data}
	}
	set, err := templates.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// The templates are editable: a set without the optional metrics renders.
func TestWriteWithoutOptionalMetrics(t *testing.T) {
	var optional []string
	for _, m := range templates.Default().Metrics {
		if m.Group != "change" {
			optional = append(optional, m.ID)
		}
	}
	set := defaultWithout(t, optional...)
	raw, err := os.ReadFile(burnRelease)
	if err != nil {
		t.Fatal(err)
	}
	f := open(t, render(t, companyOf(t, raw, "beta.txt", set)))
	if _, v := cell(t, f, "Q1 FY2004", "C6"); v != "900000" {
		t.Errorf("revenue %q, want 900000", v)
	}
}

// An internal failure is an error naming the company, not a crash.
func TestWriteRecoversNamingTheCompany(t *testing.T) {
	err := Write(&bytes.Buffer{}, &model.Company{Name: "Broken Co."})
	if err == nil || !strings.Contains(err.Error(), "Broken Co.") {
		t.Errorf("error %v, want one naming Broken Co.", err)
	}
}
