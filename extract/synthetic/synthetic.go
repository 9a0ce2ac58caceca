// Package synthetic writes realistic plain-text earnings releases for
// benchmarks and stress tests: many companies, each with its own fiscal
// year end, scale and layout, reporting quarter after quarter. The same
// seed gives the same releases.
//
// Every table ties out: gross profit is revenue less cost, totals are the
// sums of their parts, and the balance sheet balances.
package synthetic

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
)

// Doc is one generated release.
type Doc struct {
	Name    string
	Company string
	Data    []byte
}

// company is a generated issuer.
type company struct {
	name, ticker string
	yearEnd      time.Month
	scale        string // "", "thousands", "millions"
	layout       int    // 0 tagged with markers, 1 tagged without, 2 untagged
	crlf         bool
	revenue      int64 // quarterly revenue, in units
	detail       int   // extra expense rows
	detailLabel  int   // length of their labels, 0 for short ones
}

var (
	first  = []string{"Acme", "Brightwater", "Sunrise", "Granite", "Harbor", "Pioneer", "Summit", "Cascade", "Redwood", "Meridian", "Atlas", "Beacon", "Cobalt", "Delta", "Evergreen", "Falcon"}
	second = []string{"Widgets", "Foods", "Outdoor", "Systems", "Medical", "Labs", "Energy", "Logistics", "Devices", "Software", "Materials", "Holdings"}
	suffix = []string{"Inc.", "Corp.", "Co.", "Ltd."}
	months = []time.Month{time.December, time.June, time.September, time.March}
)

func newCompany(r *rand.Rand, i int) company {
	c := company{
		name:    fmt.Sprintf("%s %s %s", first[i%len(first)], second[(i/len(first))%len(second)], suffix[i%len(suffix)]),
		ticker:  fmt.Sprintf("%c%c%c%c", 'A'+i%26, 'A'+(i/26)%26, 'A'+r.Intn(26), 'A'+r.Intn(26)),
		yearEnd: months[r.Intn(len(months))],
		scale:   []string{"", "thousands", "millions"}[r.Intn(3)],
		layout:  r.Intn(3),
		crlf:    r.Intn(4) == 0,
		revenue: int64(5e6 + r.Intn(5e8)),
		detail:  r.Intn(6),
	}
	return c
}

// Generate writes releases for companies companies (up to 192 distinct
// names), spread evenly: each company reports consecutive quarters.
func Generate(seed int64, companies, releases int) []Doc {
	r := rand.New(rand.NewSource(seed))
	cos := make([]company, companies)
	for i := range cos {
		cos[i] = newCompany(r, i)
	}
	docs := make([]Doc, 0, releases)
	for n := 0; n < releases; n++ {
		c := &cos[n%companies]
		q := n / companies // the company's n-th release
		docs = append(docs, c.release(r, q))
	}
	return docs
}

// Big writes one release whose income statement carries rows detail rows
// with labels of about labelLen characters: a stress test of size.
func Big(seed int64, rows, labelLen int) Doc {
	r := rand.New(rand.NewSource(seed))
	c := newCompany(r, 0)
	c.detail, c.detailLabel = rows, labelLen
	c.scale, c.layout = "", 0
	return c.release(r, 8)
}

// quarterEnd returns the end of the q-th quarter reported, counting from
// the first quarter of fiscal 2001.
func (c *company) quarterEnd(q int) time.Time {
	start := time.Date(2000, c.yearEnd+1, 1, 0, 0, 0, 0, time.UTC)
	return start.AddDate(0, 3*(q+1), -1)
}

// figures of one quarter, in units; all tie out.
type figures struct {
	revenue, cost, gross, sga, rd, detail, opex, other, net int64
	details                                                 []int64
	shares                                                  int64
}

func (c *company) figures(r *rand.Rand, q int) figures {
	var f figures
	f.revenue = c.revenue + c.revenue*int64(q)/40 + int64(r.Intn(1e6))
	f.cost = f.revenue * int64(55+r.Intn(15)) / 100
	f.gross = f.revenue - f.cost
	f.sga = f.revenue * int64(15+r.Intn(10)) / 100
	f.rd = f.revenue * int64(5+r.Intn(8)) / 100
	for i := 0; i < c.detail; i++ {
		d := int64(r.Intn(1 + int(f.revenue/100)))
		f.details = append(f.details, d)
		f.detail += d
	}
	f.opex = f.sga + f.rd + f.detail
	f.other = int64(r.Intn(2e5)) - 1e5
	f.net = f.gross - f.opex + f.other
	f.shares = 10e6 + int64(r.Intn(90e6))
	return f
}

// round makes a figure print exactly at the company's scale.
func (c *company) unit() int64 {
	switch c.scale {
	case "thousands":
		return 1000
	case "millions":
		return 1000000
	}
	return 1
}

func (c *company) amount(v int64) string {
	v /= c.unit()
	s := group(abs(v))
	if v < 0 {
		return "(" + s + ")"
	}
	return s
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

func group(v int64) string {
	s := fmt.Sprint(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// scaled rounds every figure to the printed unit, so that the printed
// table ties out exactly.
func (c *company) scaled(f figures) figures {
	u := c.unit()
	rd := func(v int64) int64 { return v / u * u }
	f.revenue, f.cost, f.sga, f.rd, f.other = rd(f.revenue), rd(f.cost), rd(f.sga), rd(f.rd), rd(f.other)
	f.detail = 0
	for i := range f.details {
		f.details[i] = rd(f.details[i])
		f.detail += f.details[i]
	}
	f.gross = f.revenue - f.cost
	f.opex = f.sga + f.rd + f.detail
	f.net = f.gross - f.opex + f.other
	return f
}

func (c *company) release(r *rand.Rand, q int) Doc {
	end := c.quarterEnd(q)
	cur := c.scaled(c.figures(r, q))
	prior := c.scaled(c.figures(r, q-4))
	var b strings.Builder
	p := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	p("%s REPORTS RESULTS FOR THE QUARTER ENDED %s", strings.ToUpper(c.name), strings.ToUpper(end.Format("January 2, 2006")))
	p("")
	p("NEW YORK, %s -- %s (Nasdaq: %s) today reported net revenues of $%s for the", end.AddDate(0, 1, 10).Format("January 2, 2006"), c.name, c.ticker, group(cur.revenue))
	p("quarter ended %s, compared to $%s for the same quarter a year earlier.", end.Format("January 2, 2006"), group(prior.revenue))
	p("")
	c.income(&b, end, cur, prior)
	c.balance(r, &b, end)
	text := b.String()
	if c.crlf {
		text = strings.ReplaceAll(text, "\n", "\r\n")
	}
	return Doc{Name: fmt.Sprintf("%s-%s.txt", c.ticker, end.Format("2006-01-02")), Company: c.name, Data: []byte(text)}
}

func (c *company) scaleNote() string {
	if c.scale == "" {
		return ""
	}
	return "(in " + c.scale + ", except per share data)"
}

func (c *company) open(b *strings.Builder, title string, cols int) {
	p := func(s string) { b.WriteString(s + "\n") }
	p("                    " + strings.ToUpper(c.name))
	p("                    " + title)
	if n := c.scaleNote(); n != "" {
		p("                    " + n)
	}
	if c.layout < 2 {
		p("<TABLE>")
	}
	if c.layout == 0 {
		p("<S>" + strings.Repeat("                          <C>", cols))
	}
}

func (c *company) close(b *strings.Builder) {
	if c.layout < 2 {
		b.WriteString("</TABLE>\n")
	}
	b.WriteString("\n")
}

// labelWidth is the width of the label column: wide enough for every label.
func (c *company) labelWidth() int { return max(44, c.detailLabel+2) }

func (c *company) row(b *strings.Builder, label string, values ...string) {
	fmt.Fprintf(b, "%-*s", c.labelWidth(), label)
	for _, v := range values {
		fmt.Fprintf(b, "%16s", v)
	}
	b.WriteByte('\n')
}

func (c *company) income(b *strings.Builder, end time.Time, cur, prior figures) {
	c.open(b, "CONDENSED STATEMENTS OF OPERATIONS", 2)
	w := c.labelWidth()
	fmt.Fprintf(b, "%-*s%32s\n", w, "", "Three Months Ended")
	fmt.Fprintf(b, "%-*s%16s%16s\n", w, "", end.Format("January 2,"), end.AddDate(-1, 0, 0).Format("January 2,"))
	fmt.Fprintf(b, "%-*s%16d%16d\n", w, "", end.Year(), end.Year()-1)
	rule := fmt.Sprintf("%-*s%16s%16s\n", w, "", "----------", "----------")
	b.WriteString(rule)
	c.row(b, "Net revenues", "$"+c.amount(cur.revenue), "$"+c.amount(prior.revenue))
	c.row(b, "Cost of revenues", c.amount(cur.cost), c.amount(prior.cost))
	b.WriteString(rule)
	c.row(b, "  Gross profit", c.amount(cur.gross), c.amount(prior.gross))
	c.row(b, "Operating expenses:")
	c.row(b, "  Selling, general and administrative", c.amount(cur.sga), c.amount(prior.sga))
	c.row(b, "  Research and development", c.amount(cur.rd), c.amount(prior.rd))
	for i := range cur.details {
		label := fmt.Sprintf("  Other operating expense, item %d", i+1)
		if c.detailLabel > len(label) {
			label += strings.Repeat(" of the detailed schedule", (c.detailLabel-len(label))/25+1)[:c.detailLabel-len(label)]
		}
		c.row(b, label, c.amount(cur.details[i]), c.amount(prior.details[i]))
	}
	b.WriteString(rule)
	c.row(b, "    Total operating expenses", c.amount(cur.opex), c.amount(prior.opex))
	c.row(b, "Interest and other income, net", c.amount(cur.other), c.amount(prior.other))
	b.WriteString(rule)
	c.row(b, "Net income (loss)", "$"+c.amount(cur.net), "$"+c.amount(prior.net))
	c.close(b)
}

func (c *company) balance(r *rand.Rand, b *strings.Builder, end time.Time) {
	c.open(b, "CONDENSED BALANCE SHEETS", 2)
	u := c.unit()
	pick := func(n int) int64 { return int64(r.Intn(n)) * 1000 / u * u }
	type bs struct{ cash, rec, inv, ca, ppe, ta, ap, cl, ltd, eq int64 }
	mk := func() bs {
		x := bs{cash: pick(5e5) + u, rec: pick(3e5), inv: pick(3e5), ppe: pick(4e5), ap: pick(2e5), ltd: pick(2e5)}
		x.ca = x.cash + x.rec + x.inv
		x.ta = x.ca + x.ppe
		x.cl = x.ap
		x.eq = x.ta - x.cl - x.ltd
		return x
	}
	a, p := mk(), mk()
	fye := time.Date(end.Year(), c.yearEnd+1, 0, 0, 0, 0, 0, time.UTC)
	if !fye.Before(end) {
		fye = fye.AddDate(-1, 0, 0) // the prior year end
	}
	fmt.Fprintf(b, "%-*s%16s%16s\n", c.labelWidth(), "", end.Format("January 2,"), fye.Format("January 2,"))
	fmt.Fprintf(b, "%-*s%16d%16d\n", c.labelWidth(), "", end.Year(), fye.Year())
	b.WriteString("ASSETS\nCurrent assets:\n")
	c.row(b, "  Cash and cash equivalents", "$"+c.amount(a.cash), "$"+c.amount(p.cash))
	c.row(b, "  Accounts receivable, net", c.amount(a.rec), c.amount(p.rec))
	c.row(b, "  Inventories", c.amount(a.inv), c.amount(p.inv))
	c.row(b, "    Total current assets", c.amount(a.ca), c.amount(p.ca))
	c.row(b, "Property and equipment, net", c.amount(a.ppe), c.amount(p.ppe))
	c.row(b, "    Total assets", "$"+c.amount(a.ta), "$"+c.amount(p.ta))
	b.WriteString("LIABILITIES AND STOCKHOLDERS' EQUITY\nCurrent liabilities:\n")
	c.row(b, "  Accounts payable", c.amount(a.ap), c.amount(p.ap))
	c.row(b, "    Total current liabilities", c.amount(a.cl), c.amount(p.cl))
	c.row(b, "Long-term debt", c.amount(a.ltd), c.amount(p.ltd))
	c.row(b, "Stockholders' equity", c.amount(a.eq), c.amount(p.eq))
	c.row(b, "    Total liabilities and stockholders' equity", "$"+c.amount(a.ta), "$"+c.amount(p.ta))
	c.close(b)
}
