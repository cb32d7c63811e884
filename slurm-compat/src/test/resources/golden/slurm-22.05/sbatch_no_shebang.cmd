printf 'echo hi\n' > noshebang.sh; sbatch noshebang.sh
