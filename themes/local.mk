# themes/: colour themes, installed to $(pkgdatadir)/themes. Listed by name.
themesdir = $(pkgdatadir)/themes
dist_themes_DATA =
