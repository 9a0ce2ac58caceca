package model

import (
	"finexport/extract"
)

// Stream builds the company of one release from its facts as they are
// made (extract.Parser.ParseStream hands them over a table row's at a
// time): a release settles its calendar before its facts are made, so
// each row's figures are merged as they come, and a long table is never
// held as the release's facts beside the merged ones. It builds what
// BuildOne builds from the same release read whole, its checks consumed.
type Stream struct {
	opts  Options
	c     *Company
	facts int
}

// NewStream starts a company of one release.
func NewStream(opts Options) *Stream { return &Stream{opts: opts} }

// Add merges facts of the release f; the slice is not kept.
func (s *Stream) Add(f *extract.Filing, facts []extract.Fact) {
	if s.c == nil {
		s.c = newCompany(s.opts.Templates)
		s.c.startMerging([]*extract.Filing{f}, s.opts.FiscalYearEnd)
	}
	s.c.merge(f, facts)
	s.facts += len(facts)
}

// Facts is how many figures were added.
func (s *Stream) Facts() int { return s.facts }

// Company finishes the company from the release as read (its identity,
// diagnostics and checks; the checks are taken from it). The release's
// own diagnostics come first, as BuildOne puts them.
func (s *Stream) Company(f *extract.Filing) *Company {
	if s.c == nil {
		s.Add(f, nil)
	}
	c := s.c
	merged := c.Diagnostics
	c.Diagnostics = nil
	c.describe(f)
	c.Diagnostics = append(c.Diagnostics, merged...)
	c.finish([]*extract.Filing{f}, true)
	return c
}
