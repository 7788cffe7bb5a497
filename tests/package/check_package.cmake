# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build tree into a scratch prefix, builds examples/ against it with
# find_package(newsdex), runs the example and checks it printed hits and facets.
# Invoked by ctest with -DBUILD_DIR, -DSOURCE_DIR and -DWORK_DIR.
file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
foreach(header newsdex.h article.h index.h search.h error.h reader.h version.h)
  if(NOT EXISTS ${prefix}/include/newsdex/${header})
    message(FATAL_ERROR "${header} was not installed")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples -B ${WORK_DIR}/example -DCMAKE_PREFIX_PATH=${prefix})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/example)
run(${WORK_DIR}/example/faceted_search)
message(STATUS "example printed:\n${output}")
foreach(expected "2 hits" "1. 2022-09-07  Albania blames Iran" "<mark>cyberattack</mark>" "source:  Balkan Post (1)" "2022-07 (1)  2022-08 (0)  2022-09 (1)")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the example's output lacks '${expected}'")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
