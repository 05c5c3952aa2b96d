# themes/: colour themes, installed to $(pkgdatadir)/themes. Listed by name.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA =
dist_themes_DATA += themes/default.theme themes/light.theme themes/high-contrast.theme themes/mono.theme
# The themes are also compiled in (build-aux/embed.sh), so the build tree and an installed
# caredesk find them alike.
EMBED_FILES += $(dist_themes_DATA)
data/builtin.c: $(dist_themes_DATA)
