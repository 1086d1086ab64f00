# The Debian package: `cpack -G DEB` in the build folder makes kiosk_<version>-1_<arch>.deb with
# /usr/bin/kiosk (and /usr/bin/kiosk-collector), the assets under /usr/share/kiosk/assets (found
# by kiosk/common/paths.cpp relative to the executable), /etc/kiosk/kiosk.toml (a conffile), the systemd
# units, the maintainer scripts that make the `kiosk` user, copyright, changelog and man pages.
# Included at the end of the top-level CMakeLists.txt.
include(GNUInstallDirs)

# `make install` and cpack install what is built rather than building everything (tests included)
# first: build, then package (README: cmake --build build && cd build && cpack -G DEB).
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(KIOSK_PKG_DIR ${CMAKE_CURRENT_LIST_DIR})
set(KIOSK_PKG_BUILD ${CMAKE_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${KIOSK_PKG_BUILD})

# Debian wants changelog and man pages compressed with gzip -9n (no name, no time stamp).
find_program(KIOSK_GZIP gzip REQUIRED)
function(kiosk_gzip source output)
  add_custom_command(OUTPUT ${output}
    COMMAND ${KIOSK_GZIP} -9nc ${source} > ${output}
    DEPENDS ${source} VERBATIM)
endfunction()
kiosk_gzip(${KIOSK_PKG_DIR}/debian/changelog ${KIOSK_PKG_BUILD}/changelog.Debian.gz)
kiosk_gzip(${KIOSK_PKG_DIR}/man/kiosk.1 ${KIOSK_PKG_BUILD}/kiosk.1.gz)
kiosk_gzip(${KIOSK_PKG_DIR}/man/kiosk-collector.1 ${KIOSK_PKG_BUILD}/kiosk-collector.1.gz)
add_custom_target(kiosk_package_docs ALL DEPENDS
  ${KIOSK_PKG_BUILD}/changelog.Debian.gz ${KIOSK_PKG_BUILD}/kiosk.1.gz ${KIOSK_PKG_BUILD}/kiosk-collector.1.gz)

# Absolute destinations: Debian's places, whatever the install prefix.
install(FILES ${KIOSK_PKG_DIR}/kiosk.toml DESTINATION /etc/kiosk)
install(FILES
  ${KIOSK_PKG_DIR}/systemd/kiosk.service
  ${KIOSK_PKG_DIR}/systemd/kiosk-upload.service
  ${KIOSK_PKG_DIR}/systemd/kiosk-upload.timer
  ${KIOSK_PKG_DIR}/systemd/kiosk-collector.service
  DESTINATION /lib/systemd/system)
# Moves kiosk-upload.timer to the [upload] hour of /etc/kiosk/kiosk.toml (at boot and daemon-reload).
install(PROGRAMS ${KIOSK_PKG_DIR}/systemd/kiosk-upload-generator DESTINATION /lib/systemd/system-generators)
install(FILES ${KIOSK_PKG_DIR}/debian/copyright ${KIOSK_PKG_BUILD}/changelog.Debian.gz ${CMAKE_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/kiosk)
# The guides the README links to (the units' Documentation= names the operator's and the protocol's).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/kiosk/docs FILES_MATCHING PATTERN "*.md")
install(FILES ${KIOSK_PKG_BUILD}/kiosk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${KIOSK_PKG_DIR}/debian/lintian/kiosk DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides)

# kiosk-collector (issue 5) is installed when a target of that name exists anywhere in the build:
# the check is deferred to the end of the top-level directory, so it works whichever
# add_subdirectory() defines the target and in whatever order. Nothing else to do to ship it.
function(kiosk_install_collector)
  if(TARGET kiosk-collector)
    install(TARGETS kiosk-collector RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES ${KIOSK_PKG_BUILD}/kiosk-collector.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  else()
    message(STATUS "kiosk-collector target not defined: the .deb will ship /usr/bin/kiosk only")
  endif()
endfunction()
cmake_language(DEFER DIRECTORY ${CMAKE_SOURCE_DIR} CALL kiosk_install_collector)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kiosk)
set(CPACK_PACKAGE_VENDOR "Bình dân học vụ số kiosk project")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "touch-screen kiosk for the Bình dân học vụ số digital-skills movement")
set(CPACK_PACKAGE_DESCRIPTION "The Bình dân học vụ số kiosk stands in the lobby of a Vietnamese commune's
public service centre. Citizens follow short lessons on digital skills (VNeID,
online public services, cashless payment, e-health, staying safe online) and
leave with a QR code for their own phone; staff record assisted sessions.
Sessions are uploaded nightly to the commune's collector (kiosk-collector).
The kiosk runs full screen in the cage Wayland compositor (kiosk.service),
as a native Wayland client.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Seed 511d400b maintainers <maintainers@users.noreply.b-seed-511d400b.example>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://binhdanhocvuso.gov.vn")
# Libraries: from what the executables actually link (dpkg-shlibdeps). The rest is run-time data
# and programs no linker sees: the compositor; xwayland, without which Debian's cage 0.1.4 refuses
# to start (it runs Xwayland only when an X11 client connects, and the kiosk speaks Wayland); the
# EGL/GLES libraries and Mesa's drivers SDL loads on Wayland to show the window; espeak-ng's voices,
# the fonts, adduser (postinst).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "adduser, cage, xwayland, libegl1, libgles2, libgl1-mesa-dri, espeak-ng-data, fonts-noto-core, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${KIOSK_PKG_DIR}/debian/conffiles
  ${KIOSK_PKG_DIR}/debian/postinst
  ${KIOSK_PKG_DIR}/debian/prerm
  ${KIOSK_PKG_DIR}/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
