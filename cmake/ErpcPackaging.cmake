# Installation and the find_package(erpconnect) package.
#
#   find_package(erpconnect REQUIRED)                    erpc::abi, erpc::sdk, erpc_add_adapter()
#   find_package(erpconnect REQUIRED COMPONENTS host)    also erpc::host (embed the host)
#
# The SDK part needs only nlohmann_json, so partners building adapters need none of the host's
# dependencies (Boost, OpenSSL, cpprestsdk, spdlog, SQLite, libpq).
include(CMakePackageConfigHelpers)

set(ERPC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/erpconnect)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/sdk/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS erpc_abi erpc_sdk EXPORT erpconnectSdkTargets)
install(EXPORT erpconnectSdkTargets NAMESPACE erpc:: DESTINATION ${ERPC_INSTALL_CMAKEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/cmake/ErpcAddAdapter.cmake
              ${PROJECT_SOURCE_DIR}/cmake/erpc_adapter.map
        DESTINATION ${ERPC_INSTALL_CMAKEDIR})

# The host: its module libraries and their public headers.
set(_erpc_host_targets erpc_host)
foreach(module IN LISTS ERPC_HOST_MODULES)
  if(TARGET erpc_host_${module})
    list(APPEND _erpc_host_targets erpc_host_${module})
    install(DIRECTORY ${PROJECT_SOURCE_DIR}/host/${module}/include/
            DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  endif()
endforeach()
if(TARGET erpc_schemas)
  list(APPEND _erpc_host_targets erpc_schemas)
endif()
install(TARGETS ${_erpc_host_targets} EXPORT erpconnectHostTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT erpconnectHostTargets NAMESPACE erpc:: DESTINATION ${ERPC_INSTALL_CMAKEDIR})

# Bundled adapters go where the installed erpc looks by default.
install(DIRECTORY ${ERPC_ADAPTER_OUTPUT_DIR}/ DESTINATION lib/erpconnect/adapters
        FILES_MATCHING PATTERN "*.so")

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/erpconnectConfig.cmake.in
  ${PROJECT_BINARY_DIR}/erpconnectConfig.cmake INSTALL_DESTINATION ${ERPC_INSTALL_CMAKEDIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/erpconnectConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/erpconnectConfig.cmake
              ${PROJECT_BINARY_DIR}/erpconnectConfigVersion.cmake
        DESTINATION ${ERPC_INSTALL_CMAKEDIR})
