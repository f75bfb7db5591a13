# erpc_add_adapter(<name> SOURCES <src>... [LINK <targets>...] [OUTPUT_DIR <dir>])
#
# Builds a loadable erpconnect adapter: a MODULE library with no "lib" prefix whose only
# dynamic export is `erpc_adapter_entry` (hidden visibility + a linker version script), that
# resolves every symbol at link time (--no-undefined) and can really be unloaded
# (-fno-gnu-unique; see docs/adapter-guide.md). The same function is installed with the
# package, so out-of-tree adapters get identical rules through find_package(erpconnect).
set(_ERPC_ADAPTER_MAP "${CMAKE_CURRENT_LIST_DIR}/erpc_adapter.map" CACHE INTERNAL "")

function(erpc_add_adapter name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIR" "SOURCES;LINK" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "erpc_add_adapter(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  # Every adapter target by name, so a build can gather e.g. the bundled ones (those whose
  # OUTPUT_DIR is the bundled folder) without a hand-kept list.
  set_property(GLOBAL APPEND PROPERTY ERPC_ADAPTER_TARGETS ${name})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LINK_DEPENDS "${_ERPC_ADAPTER_MAP}")
  if(ARG_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIR}")
  endif()
  target_compile_options(${name} PRIVATE -fno-gnu-unique)
  target_link_options(${name} PRIVATE
    -Wl,--no-undefined
    -Wl,--version-script=${_ERPC_ADAPTER_MAP}
    -Wl,--exclude-libs,ALL
    -Wl,--as-needed)
  target_link_libraries(${name} PRIVATE erpc::sdk ${ARG_LINK})
endfunction()
