# The shape every bundled vendor adapter folder (adapters/<vendor>: src/, simulator/, tests/,
# fixtures/) builds with, written once. In-tree only: out-of-tree adapters use erpc_add_adapter
# (cmake/ErpcAddAdapter.cmake, installed with the package).
#
# erpc_add_vendor_adapter(<name>
#     SOURCES <src>...              the adapter's code
#     [ENTRY <src>]                 the file exporting erpc_adapter_entry, kept outside the objects
#                                   so a conformance mutant can wrap the entry
#     LINK <targets>...             what the code links (besides erpc::sdk)
#     [STATIC_LIBCRYPTO <vendor>])  the code uses OpenSSL's libcrypto
#
#   erpc_<name>_adapter_objects  OBJECT library of SOURCES (PIC, hidden visibility,
#                                -fno-gnu-unique), linking erpc::sdk and LINK PUBLIC: linked into
#                                the module and into the tests, which drive the same code
#                                through erpc::testing::fake_host.
#   <name>                       the loadable module (erpc_add_adapter): ENTRY and the objects,
#                                linking LINK, built into ${ERPC_ADAPTER_OUTPUT_DIR} as <name>.so
#                                (where `erpc adapters list`, `erpc certify` and the demo find it).
#   tests/                       added when ERPC_BUILD_TESTS (erpc_add_vendor_adapter_tests there).
# With STATIC_LIBCRYPTO the objects link OpenSSL::Crypto and the module OpenSSL's static
# libcrypto.a: the module may need nothing beyond libc/libm/libstdc++/libgcc_s
# (docs/adapter-guide.md); a missing archive stops the configure naming <vendor>.
#
# erpc_add_vendor_adapter_tests(<name>
#     SOURCES <src>... LINK <targets>... LABELS <labels>... FIXTURES_DEFINE <macro>)
#
#   erpc_<name>_adapter_tests    erpc_add_test of SOURCES, the adapter's ENTRY and objects,
#                                with the adapter's src/ on the include path and <macro> defined
#                                as the adapter's fixtures/ folder (recorded vendor answers).
#                                Called from adapters/<name>/tests (paths relative to it).
#
# erpc_add_vendor_simulator(<vendor>
#     SOURCES <src>... LINK <targets>... [INCLUDES <dir>...]
#     TESTS <src>... TEST_LINK <targets>... LABELS <labels>...)
#
#   erpc_sim_<vendor> (alias erpc::sim_<vendor>)  STATIC library of SOURCES on the simulator
#                                framework (PUBLIC erpc_simulator, PRIVATE LINK), headers in
#                                include/ (public) and src/ plus INCLUDES (private); served by
#                                `erpc sim <vendor>` and in-process by tests (docs/simulators.md).
#   erpc_sim_<vendor>_tests      when ERPC_BUILD_TESTS: erpc_add_test of TESTS linking TEST_LINK,
#                                with src/ on the include path.

function(erpc_add_vendor_adapter name)
  cmake_parse_arguments(ARG "" "ENTRY;STATIC_LIBCRYPTO" "SOURCES;LINK" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "erpc_add_vendor_adapter(${name}): SOURCES is required")
  endif()
  set(objects erpc_${name}_adapter_objects)
  set(module_link ${ARG_LINK})
  set(objects_link ${ARG_LINK})
  if(ARG_STATIC_LIBCRYPTO)
    find_library(ERPC_LIBCRYPTO_STATIC NAMES libcrypto.a)
    if(NOT ERPC_LIBCRYPTO_STATIC)
      message(FATAL_ERROR
        "the ${ARG_STATIC_LIBCRYPTO} adapter needs OpenSSL's static libcrypto.a (libssl-dev)")
    endif()
    list(APPEND objects_link OpenSSL::Crypto)
    list(APPEND module_link ${ERPC_LIBCRYPTO_STATIC})
  endif()

  add_library(${objects} OBJECT ${ARG_SOURCES})
  set_target_properties(${objects} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_compile_options(${objects} PRIVATE -fno-gnu-unique)
  target_link_libraries(${objects} PUBLIC erpc::sdk ${objects_link})

  set(entry)
  if(ARG_ENTRY)
    get_filename_component(entry "${ARG_ENTRY}" ABSOLUTE)
  endif()
  # The tests compile the same entry file (erpc_add_vendor_adapter_tests).
  set_property(TARGET ${objects} PROPERTY ERPC_ADAPTER_ENTRY "${entry}")

  erpc_add_adapter(${name}
    SOURCES ${entry} $<TARGET_OBJECTS:${objects}>
    LINK ${module_link}
    OUTPUT_DIR ${ERPC_ADAPTER_OUTPUT_DIR})

  if(ERPC_BUILD_TESTS)
    add_subdirectory(tests)
  endif()
endfunction()

function(erpc_add_vendor_adapter_tests name)
  cmake_parse_arguments(ARG "" "FIXTURES_DEFINE" "SOURCES;LINK;LABELS" ${ARGN})
  if(NOT ARG_SOURCES OR NOT ARG_FIXTURES_DEFINE)
    message(FATAL_ERROR "erpc_add_vendor_adapter_tests(${name}): SOURCES and FIXTURES_DEFINE are required")
  endif()
  set(objects erpc_${name}_adapter_objects)
  set(tests erpc_${name}_adapter_tests)
  get_target_property(entry ${objects} ERPC_ADAPTER_ENTRY)
  if(NOT entry)
    set(entry)
  endif()
  erpc_add_test(${tests}
    SOURCES ${ARG_SOURCES} ${entry} $<TARGET_OBJECTS:${objects}>
    LINK ${ARG_LINK}
    LABELS ${ARG_LABELS})
  target_include_directories(${tests} PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/../src)
  target_compile_definitions(${tests} PRIVATE
    ${ARG_FIXTURES_DEFINE}="${CMAKE_CURRENT_SOURCE_DIR}/../fixtures")
endfunction()

function(erpc_add_vendor_simulator vendor)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK;INCLUDES;TESTS;TEST_LINK;LABELS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "erpc_add_vendor_simulator(${vendor}): SOURCES is required")
  endif()
  set(sim erpc_sim_${vendor})
  add_library(${sim} STATIC ${ARG_SOURCES})
  add_library(erpc::sim_${vendor} ALIAS ${sim})
  target_include_directories(${sim}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src ${ARG_INCLUDES})
  target_link_libraries(${sim}
    PUBLIC erpc_simulator
    PRIVATE ${ARG_LINK})

  if(ERPC_BUILD_TESTS AND ARG_TESTS)
    erpc_add_test(${sim}_tests
      SOURCES ${ARG_TESTS}
      LINK ${ARG_TEST_LINK}
      LABELS ${ARG_LABELS})
    target_include_directories(${sim}_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  endif()
endfunction()
