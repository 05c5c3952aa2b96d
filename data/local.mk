# data/: schema migrations and reference tables, compiled in by build-aux/embed.sh
# and installed to pkgdatadir for reading. List every file by name.
dataschemadir = $(pkgdatadir)/schema
dist_dataschema_DATA = \
	data/schema/001_init.sql \
	data/schema/002_generation_indexes.sql \
	data/schema/003_audit_chain.sql \
	data/schema/004_bounded_time.sql \
	data/schema/005_intake_risk.sql
dist_pkgdata_DATA = \
	data/keys.default \
	data/dispositions.tsv \
	data/charlson_icd10.tsv \
	data/disenroll_reasons.tsv \
	data/lace_tiers.tsv
datademodir = $(pkgdatadir)/demo
dist_datademo_DATA = \
	data/demo/given_female.txt \
	data/demo/given_male.txt \
	data/demo/family.txt \
	data/demo/facilities.tsv \
	data/demo/providers.tsv \
	data/demo/conditions.tsv
databillingdir = $(pkgdatadir)/billing
dist_databilling_DATA = \
	data/billing/codes.tsv
EMBED_FILES = $(dist_dataschema_DATA) $(dist_pkgdata_DATA) $(dist_datademo_DATA) \
	$(dist_databilling_DATA)
EXTRA_DIST += build-aux/embed.sh build-aux/check-layers.sh build-aux/check-headers.sh
BUILT_SOURCES += data/builtin.c
CLEANFILES += data/builtin.c
data/builtin.c: $(EMBED_FILES) $(srcdir)/build-aux/embed.sh
	@$(MKDIR_P) data
	$(AM_V_GEN)$(SHELL) $(srcdir)/build-aux/embed.sh $@ $(srcdir) $(EMBED_FILES)
