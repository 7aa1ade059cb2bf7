import Jixiao
